package org.custodian.platform.figures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of reported figures, for every module. */
@Service
@Transactional(readOnly = true)
class FigureRegister implements ReportedFigures {

    private static final Pattern MEASURE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    private final FigureReports reports;
    private final Sources sources;

    FigureRegister(FigureReports reports, Sources sources) {
        this.reports = reports;
        this.sources = sources;
    }

    @Override
    @Transactional
    public Figure report(String subjectType, long subjectId, Report report) {
        if (!MEASURE.matcher(report.measure()).matches()) {
            throw new RuleViolated("measure", Refusals.MEASURE_LOWER_CASE_NAME_SUCH);
        }
        if (report.value().signum() < 0) {
            throw new RuleViolated("value", Refusals.REPORTED_FIGURE_CANNOT_NEGATIVE);
        }
        if (report.kind() == Kind.COUNT && report.value().stripTrailingZeros().scale() > 0) {
            throw new RuleViolated("value", Refusals.COUNTED_WHOLE_NUMBERS, report.measure());
        }
        if (report.reportedOn().isAfter(LocalDate.now().plusDays(1))) {
            throw new RuleViolated("reportedOn", Refusals.REPORT_DATED_FUTURE);
        }
        Sources.Citation source = sources.require("sourceId", report.sourceId());
        FigureReport saved = reports.save(new FigureReport(
                subjectType,
                subjectId,
                report.measure(),
                report.value(),
                source.id(),
                report.reportedOn(),
                report.note() == null || report.note().isBlank()
                        ? null
                        : report.note().strip(),
                actor()));
        return figure(saved, source);
    }

    @Override
    @Transactional
    public Figure accept(String subjectType, long subjectId, long figureId) {
        FigureReport chosen = reports.findById(figureId)
                .filter(f -> f.subjectType().equals(subjectType) && f.subjectId() == subjectId)
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_REPORTED_FIGURE, figureId));
        for (FigureReport other :
                reports.findBySubjectTypeAndSubjectIdAndMeasure(subjectType, subjectId, chosen.measure())) {
            other.accepted(other.id() == figureId);
        }
        return figure(chosen, sources.require("sourceId", chosen.sourceId()));
    }

    @Override
    public Map<String, List<Figure>> figures(String subjectType, long subjectId) {
        return byMeasure(reports.findBySubjectTypeAndSubjectIdOrderByReportedOnAscIdAsc(subjectType, subjectId));
    }

    @Override
    public Map<Long, Map<String, List<Figure>>> figures(String subjectType, Collection<Long> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<FigureReport>> bySubject =
                reports.findBySubjectTypeAndSubjectIdInOrderByReportedOnAscIdAsc(subjectType, subjectIds).stream()
                        .collect(Collectors.groupingBy(
                                FigureReport::subjectId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Map<String, List<Figure>>> result = new LinkedHashMap<>();
        bySubject.forEach((id, list) -> result.put(id, byMeasure(list)));
        return result;
    }

    private Map<String, List<Figure>> byMeasure(List<FigureReport> list) {
        Set<Long> ids = list.stream().map(FigureReport::sourceId).collect(Collectors.toSet());
        Map<Long, Sources.Citation> cited = sources.findAll(ids);
        Map<String, List<Figure>> result = new LinkedHashMap<>();
        for (FigureReport f : list) {
            result.computeIfAbsent(f.measure(), m -> new java.util.ArrayList<>())
                    .add(figure(f, cited.get(f.sourceId())));
        }
        return result;
    }

    private static Figure figure(FigureReport f, Sources.@Nullable Citation source) {
        return new Figure(
                f.id(),
                f.measure(),
                f.value().stripTrailingZeros().scale() < 0
                        ? f.value().setScale(0)
                        : f.value().stripTrailingZeros(),
                source == null ? new Sources.Citation(f.sourceId(), "?", "?", null, false, null) : source,
                f.reportedOn(),
                f.note(),
                f.accepted(),
                f.recordedBy());
    }

    private static String actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "system" : auth.getName();
    }
}
