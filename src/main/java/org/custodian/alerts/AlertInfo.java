package org.custodian.alerts;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.platform.RuleViolated;

/**
 * An alert's text in one language, as a CAP 1.2 {@code info} block: what happens (category, event), how
 * urgent, severe and certain it is, what people should do (response type, instruction), a headline and a
 * description. Codes are CAP's own words ({@code Safety}, {@code Immediate}, {@code Avoid}).
 */
@Embeddable
public record AlertInfo(
        @Column(name = "language") String language,
        @Column(name = "category") String category,
        @Column(name = "event") String event,
        @Column(name = "urgency") String urgency,
        @Column(name = "severity") String severity,
        @Column(name = "certainty") String certainty,
        @Column(name = "response_type") String responseType,
        @Column(name = "headline") String headline,
        @Column(name = "description") String description,
        @Column(name = "instruction") String instruction) {

    /** The languages an alert is written in, in the order they are printed. */
    public static final List<String> LANGUAGES = List.of("az", "hy", "ru", "en");

    public static final List<String> CATEGORIES = List.of(
            "Geo",
            "Met",
            "Safety",
            "Security",
            "Rescue",
            "Fire",
            "Health",
            "Env",
            "Transport",
            "Infra",
            "CBRNE",
            "Other");
    public static final List<String> URGENCIES = List.of("Immediate", "Expected", "Future", "Past", "Unknown");
    public static final List<String> SEVERITIES = List.of("Extreme", "Severe", "Moderate", "Minor", "Unknown");
    public static final List<String> CERTAINTIES = List.of("Observed", "Likely", "Possible", "Unlikely", "Unknown");
    public static final List<String> RESPONSE_TYPES =
            List.of("Shelter", "Evacuate", "Prepare", "Execute", "Avoid", "Monitor", "Assess", "AllClear", "None");

    /** The word that opens a cancellation's text, in each language. */
    private static final java.util.Map<String, String> CANCELLED =
            java.util.Map.of("az", "Ləğv edildi", "hy", "Չեղարկված է", "ru", "Отменено", "en", "Cancelled");

    /** Checks every field and answers the info with its text trimmed. */
    static AlertInfo checked(AlertInfo in, String field) {
        String language = in.language() == null ? "" : in.language().strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(language)) {
            throw new RuleViolated(field + ".language", Refusals.UNKNOWN_LANGUAGE, in.language(), LANGUAGES);
        }
        one(field + ".category", in.category(), CATEGORIES);
        one(field + ".urgency", in.urgency(), URGENCIES);
        one(field + ".severity", in.severity(), SEVERITIES);
        one(field + ".certainty", in.certainty(), CERTAINTIES);
        one(field + ".responseType", in.responseType(), RESPONSE_TYPES);
        return new AlertInfo(
                language,
                in.category(),
                text(field + ".event", in.event(), 200),
                in.urgency(),
                in.severity(),
                in.certainty(),
                in.responseType(),
                text(field + ".headline", in.headline(), 140),
                text(field + ".description", in.description(), 4000),
                text(field + ".instruction", in.instruction(), 2000));
    }

    /** Short enough for a text message: the headline and what to do; a cancellation's headline says it all. */
    String smsText(String messageType) {
        return "Cancel".equals(messageType) ? headline : headline + ". " + instruction;
    }

    /** The same info announcing that the alert is cancelled. */
    AlertInfo cancelled() {
        String word = CANCELLED.get(language);
        String cancelledHeadline = word + ": " + headline;
        return new AlertInfo(
                language,
                category,
                event,
                "Past",
                "Minor",
                certainty,
                "AllClear",
                cancelledHeadline.length() > 140 ? cancelledHeadline.substring(0, 140) : cancelledHeadline,
                description,
                instruction);
    }

    private static void one(String field, String value, List<String> allowed) {
        if (value == null || !allowed.contains(value)) {
            throw new RuleViolated(field, Refusals.UNKNOWN_VALUE, value, allowed);
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolated(field, Refusals.IS_REQUIRED, words(field));
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new RuleViolated(field, Refusals.AT_MOST_CHARACTERS, words(field), max);
        }
        return stripped;
    }

    private static String words(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }

    static Set<String> languages(List<AlertInfo> infos) {
        return infos.stream().map(AlertInfo::language).collect(java.util.stream.Collectors.toSet());
    }
}
