package org.custodian.territory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A place's name in the interface languages: English (required), Azerbaijani, Russian, Armenian. Names
 * are as commonly written in each language, not political labels.
 */
@Embeddable
public record Names(
        @Column(name = "name_en")
        @jakarta.validation.constraints.NotBlank
        @jakarta.validation.constraints.Size(max = 200)
        String en,

        @Column(name = "name_az") @Nullable String az,
        @Column(name = "name_ru") @Nullable String ru,
        @Column(name = "name_hy") @Nullable String hy) {

    /** The name in the locale's language, falling back to English. */
    public String in(Locale locale) {
        String name =
                switch (locale.getLanguage()) {
                    case "az" -> az;
                    case "ru" -> ru;
                    case "hy" -> hy;
                    default -> en;
                };
        return name == null || name.isBlank() ? en : name;
    }
}
