package org.custodian.incidents;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;

/** What the daily violations report shows, for the page and the PDF alike. */
final class ViolationsReport {

    private ViolationsReport() {}

    /** One violation with the killed and injured it counts and the sources it cites. */
    record Line(Incident incident, int killed, int injured, List<Sources.Citation> sources) {}

    static Map<String, Object> model(
            Incidents incidents,
            Sources sources,
            Territory territory,
            Scope scope,
            LocalDate date,
            @Nullable String region) {
        List<Incident> violations = incidents.violations(scope, date, region);
        Map<Long, Map<String, List<ReportedFigures.Figure>>> figures = incidents.figures(violations);
        List<Line> lines = violations.stream()
                .map(i -> {
                    Map<String, List<ReportedFigures.Figure>> f = figures.getOrDefault(i.id(), Map.of());
                    return new Line(
                            i,
                            ReportedFigures.count(i.casualties().killed(), f.get("killed")),
                            ReportedFigures.count(i.casualties().injured(), f.get("injured")),
                            List.copyOf(sources.findAll(i.sources()).values()));
                })
                .toList();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("date", date);
        model.put("region", region == null ? null : territory.region(region));
        model.put("lines", lines);
        model.put("killed", lines.stream().mapToInt(Line::killed).sum());
        model.put("injured", lines.stream().mapToInt(Line::injured).sum());
        model.put("centre", incidents.monitoringCentre().orElse(null));
        return model;
    }
}
