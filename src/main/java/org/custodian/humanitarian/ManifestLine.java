package org.custodian.humanitarian;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** One line of a convoy's manifest: what, how much, in which unit. */
@Embeddable
public record ManifestLine(
        @Column(name = "item") String item,
        @Column(name = "quantity") BigDecimal quantity,
        @Enumerated(EnumType.STRING) @Column(name = "unit") Unit unit) {

    public enum Unit {
        TONNES,
        KILOGRAMS,
        PALLETS,
        LITRES,
        BOXES,
        PIECES,
        TRUCKS
    }
}
