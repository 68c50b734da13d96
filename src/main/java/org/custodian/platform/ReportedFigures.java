package org.custodian.platform;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Figures as their sources report them: casualties, people evacuated, population, tonnes. One thing (a
 * subject's measure, such as the killed of incident 12) may be reported by several sources with different
 * values; all are kept side by side, each with its source and date, and the administration may accept one.
 *
 * <p>Modules own their subjects and check the caller's rights to them before calling; this register only
 * keeps the figures.
 */
public interface ReportedFigures {

    /** How a measure is counted: people and objects in whole numbers, quantities with decimals. */
    enum Kind {
        COUNT,
        QUANTITY
    }

    /** One reported value of one measure of one subject. */
    record Figure(
            long id,
            String measure,
            BigDecimal value,
            Sources.Citation source,
            LocalDate reportedOn,
            @Nullable String note,
            boolean accepted,
            String recordedBy) {}

    /** What a source reports. */
    record Report(
            String measure,
            Kind kind,
            BigDecimal value,
            long sourceId,
            LocalDate reportedOn,
            @Nullable String note) {}

    /** A count as the administration stands by it: the accepted figure if there is one, else the record's own. */
    static int count(int own, @Nullable List<Figure> reported) {
        return reported == null
                ? own
                : reported.stream()
                        .filter(Figure::accepted)
                        .findFirst()
                        .map(f -> f.value().intValueExact())
                        .orElse(own);
    }

    /**
     * Records a reported value.
     *
     * @throws RuleViolated for a negative value, a fraction of a count, a date in the future or an unknown
     *     source
     */
    Figure report(String subjectType, long subjectId, Report report);

    /** Marks this value as the one the administration accepts for its measure; the others stay beside it. */
    Figure accept(String subjectType, long subjectId, long figureId);

    /** Every value reported for the subject, by measure, oldest report first. */
    Map<String, List<Figure>> figures(String subjectType, long subjectId);

    /** The figures of many subjects at once (for lists and reports), by subject id and measure. */
    Map<Long, Map<String, List<Figure>>> figures(String subjectType, java.util.Collection<Long> subjectIds);
}
