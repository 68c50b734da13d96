package org.custodian.civil;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.math.BigDecimal;

/** A service a visit delivered: what kind, how much of it in which unit, and in words. */
@Embeddable
public record ServiceLine(
        @Column(name = "service") @Enumerated(EnumType.STRING)
        Service service,

        @Column(name = "quantity") BigDecimal quantity,
        @Column(name = "unit") @Enumerated(EnumType.STRING) Unit unit,
        @Column(name = "detail") String detail) {

    public enum Service {
        MEDICAL,
        FOOD,
        FUEL,
        ELECTRICITY,
        OTHER
    }

    public enum Unit {
        CONSULTATIONS,
        PEOPLE,
        KG,
        TONNES,
        LITRES,
        KWH,
        PARCELS,
        HOUSEHOLDS,
        ITEMS
    }
}
