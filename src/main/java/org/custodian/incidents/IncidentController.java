package org.custodian.incidents;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeoJsonFeature;
import org.custodian.geo.GeoJsonFeatureCollection;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.PrintedDocuments;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Incidents, their verification and figures, exports, and the monitoring centre's violations report. */
@RestController
class IncidentController {

    /** Largest page of the list; exports page through everything that matches. */
    static final int MAX_PAGE = 1_000;

    private final Incidents incidents;
    private final Sources sources;
    private final Territory territory;
    private final PrintedDocuments documents;
    private final Callers callers;
    private final RegionTimes times;

    IncidentController(
            Incidents incidents,
            Sources sources,
            Territory territory,
            PrintedDocuments documents,
            Callers callers,
            RegionTimes times) {
        this.incidents = incidents;
        this.sources = sources;
        this.territory = territory;
        this.documents = documents;
        this.callers = callers;
        this.times = times;
    }

    /** An incident's properties, as given and as shown (the last group is computed and ignored on input). */
    record IncidentProperties(
            @NotBlank String regionCode,
            @NotNull IncidentType type,
            @Nullable @Size(max = 100) String subType,
            @NotNull Instant occurredAt,
            Incident.@Nullable TimePrecision timePrecision,
            Incident.@Nullable GeoPrecision geoPrecision,
            @Nullable @Size(max = 300) String actor1,
            @Nullable @Size(max = 300) String actor2,
            @NotBlank @Size(max = 4000) String description,
            @Nullable Casualties casualties,
            @Nullable Boolean ceasefireViolation,
            @Nullable Long reportingAgencyId,
            @Nullable Set<Long> sources,
            @Nullable Long version,
            @Nullable String reference,
            Incident.@Nullable Status status,
            @Nullable Long accidentId,
            @Nullable String acledEventType,
            @Nullable Integer killed,
            @Nullable Integer injured) {}

    record ReviewInput(
            @NotNull Incident.Status status,
            @Nullable @Size(max = 1000) String reason) {}

    record FigureInput(
            @NotBlank String measure,
            @NotNull BigDecimal value,
            @NotNull Long sourceId,
            @NotNull LocalDate reportedOn,
            @Nullable @Size(max = 1000) String note) {}

    record Detail(
            GeoJsonFeature<IncidentProperties> incident,
            List<Sources.Citation> sources,
            Map<String, List<ReportedFigures.Figure>> figures,
            List<Review> reviews) {}

    @Operation(
            summary = "List incidents",
            description =
                    "Incidents as a GeoJSON FeatureCollection, newest first, filtered by region, type, status and period, a page at a time. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(
            path = "/api/incidents",
            produces = {"application/geo+json", "application/json"})
    Map<String, Object> list(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable IncidentType type,
            @RequestParam(required = false) Incident.@Nullable Status status,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to,
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit) {
        if (offset < 0 || limit < 1) {
            throw new InvalidParameter(offset < 0 ? "offset" : "limit", Refusals.MUST_POSITIVE);
        }
        Incidents.Page page = incidents.incidents(
                callers.current(),
                new Incidents.Filter(region, type, status, from, to),
                offset,
                Math.min(limit, MAX_PAGE));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FeatureCollection");
        body.put("numberMatched", page.matched());
        body.put("numberReturned", page.incidents().size());
        body.put(
                "features",
                page.incidents().stream().map(IncidentController::feature).toList());
        return body;
    }

    @Operation(
            summary = "Read an incident",
            description =
                    "One incident with its casualties, cited sources, reported figures and review history. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/incidents/{id}")
    Detail incident(@PathVariable long id) {
        Scope scope = callers.current();
        Incident incident = incidents.incident(scope, id);
        return new Detail(
                feature(incident),
                List.copyOf(sources.findAll(incident.sources()).values()),
                incidents.figures(scope, id),
                incident.reviews());
    }

    @Operation(
            summary = "Record an incident",
            description =
                    "Records an incident from a GeoJSON Feature: type, time and its precision, place, casualties and description; it starts as reported. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason. An unknown type or a negative casualty count is refused with 422.")
    @PostMapping("/api/incidents")
    ResponseEntity<GeoJsonFeature<IncidentProperties>> record(
            @Valid @RequestBody GeoJsonFeature<IncidentProperties> body) {
        Incident incident = incidents.record(callers.current(), draft(body));
        return ResponseEntity.created(URI.create("/api/incidents/" + incident.id()))
                .body(feature(incident));
    }

    @Operation(
            summary = "Correct an incident",
            description =
                    "Corrects an incident's particulars and place. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). The body carries the version read; a stale one is refused with 409 and nothing is changed.")
    @PutMapping("/api/incidents/{id}")
    GeoJsonFeature<IncidentProperties> update(
            @PathVariable long id, @Valid @RequestBody GeoJsonFeature<IncidentProperties> body) {
        Long version = body.properties().version();
        if (version == null) {
            throw new RuleViolated("version", CommonRefusals.GIVE_VERSION_YOU_CHANGING);
        }
        return feature(incidents.update(callers.current(), id, version, draft(body)));
    }

    @Operation(
            summary = "Verify or dispute an incident",
            description =
                    "Moves an incident to verified, disputed or back to reported, with a reason. Only administrators and directors of the incident's region may review (403 for others); verifying an incident that cites no source is refused with 422, and a move to the status it already has with 409.")
    @PostMapping("/api/incidents/{id}/reviews")
    GeoJsonFeature<IncidentProperties> review(@PathVariable long id, @Valid @RequestBody ReviewInput body) {
        return feature(incidents.review(callers.current(), id, body.status(), body.reason()));
    }

    /** Cites one more source. */
    @Operation(
            summary = "Cite a source for an incident",
            description =
                    "Adds one more source to the incident's citations. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An unknown source answers 422.")
    @PostMapping("/api/incidents/{id}/sources")
    GeoJsonFeature<IncidentProperties> cite(@PathVariable long id, @Valid @RequestBody CitationInput body) {
        return feature(incidents.cite(callers.current(), id, body.sourceId()));
    }

    /** No longer cites the source; a verified incident keeps at least one. */
    @Operation(
            summary = "Stop citing a source",
            description =
                    "No longer cites the source for this incident. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A verified incident keeps at least one source (422).")
    @DeleteMapping("/api/incidents/{id}/sources/{sourceId}")
    GeoJsonFeature<IncidentProperties> removeCitation(@PathVariable long id, @PathVariable long sourceId) {
        return feature(incidents.removeCitation(callers.current(), id, sourceId));
    }

    record CitationInput(@NotNull Long sourceId) {}

    @Operation(
            summary = "Report a casualty figure",
            description =
                    "Adds a figure (killed, injured) as one source reports it; several sources' figures stand side by side until one is accepted. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A figure without a source is refused with 422.")
    @PostMapping("/api/incidents/{id}/figures")
    ResponseEntity<ReportedFigures.Figure> reportFigure(@PathVariable long id, @Valid @RequestBody FigureInput body) {
        return ResponseEntity.status(201)
                .body(incidents.reportFigure(
                        callers.current(),
                        id,
                        new ReportedFigures.Report(
                                body.measure(),
                                ReportedFigures.Kind.COUNT,
                                body.value(),
                                body.sourceId(),
                                body.reportedOn(),
                                body.note())));
    }

    @Operation(
            summary = "Accept a reported figure",
            description =
                    "Makes one reported figure the incident's figure for its measure. Only administrators and directors of the incident's region may accept (403 for others).")
    @PostMapping("/api/incidents/{id}/figures/{figure}/acceptance")
    ReportedFigures.Figure accept(@PathVariable long id, @PathVariable long figure) {
        return incidents.acceptFigure(callers.current(), id, figure);
    }

    /** Every incident that matches, as CSV with an HXL hashtag row under the header. */
    @Operation(
            summary = "Export incidents as CSV",
            description =
                    "Every incident that matches the filters, as CSV with an HXL hashtag row under the header. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(path = "/api/incidents.csv", produces = "text/csv")
    ResponseEntity<byte[]> csv(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable IncidentType type,
            @RequestParam(required = false) Incident.@Nullable Status status,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        Scope scope = callers.current();
        List<Incident> all = everything(scope, new Incidents.Filter(region, type, status, from, to));
        Map<Long, Map<String, List<ReportedFigures.Figure>>> figures = incidents.figures(all);
        StringBuilder csv = new StringBuilder();
        csv.append(
                "reference,type,acled_event_type,sub_type,occurred_at,time_precision,region_code,latitude,longitude,"
                        + "geo_precision,actor1,actor2,killed,injured,children_killed,status,ceasefire_violation,sources,notes\r\n");
        csv.append("#event+id,#event+type,#event+type+acled,#event+type+sub,#date+occurred,#date+precision,#adm1+code,"
                + "#geo+lat,#geo+lon,#geo+precision,#actor+name+first,#actor+name+second,#affected+killed,"
                + "#affected+injured,#affected+killed+children,#status+verification,#indicator+violation,#meta+source,"
                + "#description\r\n");
        for (Incident i : all) {
            Map<String, List<ReportedFigures.Figure>> f = figures.getOrDefault(i.id(), Map.of());
            var point = i.location().getInteriorPoint();
            List<String> cited = sources.findAll(i.sources()).values().stream()
                    .map(Sources.Citation::label)
                    .toList();
            csv.append(String.join(
                            ",",
                            cell(i.reference()),
                            cell(i.type().name()),
                            cell(i.type().acledEventType()),
                            cell(i.subType()),
                            cell(i.occurredAt().toString()),
                            cell(i.timePrecision().name()),
                            cell(i.regionCode()),
                            String.format(java.util.Locale.ROOT, "%.6f", point.getY()),
                            String.format(java.util.Locale.ROOT, "%.6f", point.getX()),
                            cell(i.geoPrecision().name()),
                            cell(i.actor1()),
                            cell(i.actor2()),
                            String.valueOf(ReportedFigures.count(i.casualties().killed(), f.get("killed"))),
                            String.valueOf(ReportedFigures.count(i.casualties().injured(), f.get("injured"))),
                            String.valueOf(
                                    ReportedFigures.count(i.casualties().killedChildren(), f.get("children_killed"))),
                            cell(i.status().name()),
                            String.valueOf(i.ceasefireViolation()),
                            cell(String.join("; ", cited)),
                            cell(i.description())))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incidents.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Every incident that matches, as one GeoJSON FeatureCollection. */
    @Operation(
            summary = "Export incidents as GeoJSON",
            description =
                    "Every incident that matches the filters, as one GeoJSON FeatureCollection to download. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(path = "/api/incidents.geojson", produces = "application/geo+json")
    ResponseEntity<GeoJsonFeatureCollection<IncidentProperties>> geojson(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable IncidentType type,
            @RequestParam(required = false) Incident.@Nullable Status status,
            @RequestParam(required = false) @Nullable LocalDate from,
            @RequestParam(required = false) @Nullable LocalDate to) {
        List<Incident> all = everything(callers.current(), new Incidents.Filter(region, type, status, from, to));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"incidents.geojson\"")
                .body(GeoJsonFeatureCollection.of(
                        all.stream().map(IncidentController::feature).toList()));
    }

    @Operation(
            summary = "Read the monitoring centre",
            description =
                    "The ceasefire monitoring centre: its memorandum, the period it operates and the ceasefire it monitors. Anyone signed in may call it; none registered answers 404.")
    @GetMapping("/api/monitoring-centre")
    MonitoringCentreView centre() {
        MonitoringCentre c = incidents
                .monitoringCentre()
                .orElseThrow(
                        () -> new org.custodian.platform.RecordNotFound(Refusals.NO_MONITORING_CENTRE, "registered"));
        return new MonitoringCentreView(
                c.name(),
                c.memorandumSignedOn(),
                c.operatingFrom(),
                c.operatingFromNote(),
                c.ceasefireOf(),
                c.parties(),
                List.copyOf(sources.findAll(c.sources()).values()));
    }

    record MonitoringCentreView(
            String name,
            LocalDate memorandumSignedOn,
            LocalDate operatingFrom,
            @Nullable String operatingFromNote,
            LocalDate ceasefireOf,
            List<MonitoringCentre.Party> parties,
            List<Sources.Citation> sources) {}

    /** The daily violations report as PDF: one day, all the caller's regions or one. */
    @Operation(
            summary = "Print the daily violations report",
            description =
                    "The violations of one day as a PDF in the caller's language: every incident of the caller's regions, or of one region, with its casualties and status. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping(path = "/api/monitoring-centre/violations.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> violationsPdf(
            @RequestParam LocalDate date, @RequestParam(required = false) @Nullable String region) {
        Scope scope = callers.current();
        Map<String, Object> model =
                new java.util.HashMap<>(ViolationsReport.model(incidents, sources, territory, scope, date, region));
        // Times in each incident's region, as its page shows them.
        model.put("regionTimes", times);
        byte[] pdf = documents.pdf("incidents/violations-print", model);
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "inline; filename=\"violations-" + date + (region == null ? "" : "-" + region) + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    private List<Incident> everything(Scope scope, Incidents.Filter filter) {
        List<Incident> all = new ArrayList<>();
        for (int offset = 0; ; offset += MAX_PAGE) {
            List<Incident> page =
                    incidents.incidents(scope, filter, offset, MAX_PAGE).incidents();
            all.addAll(page);
            if (page.size() < MAX_PAGE) {
                return all;
            }
        }
    }

    /** A field a spreadsheet will not run as a formula (an incident's notes are anyone's words). */
    private static String cell(@Nullable String value) {
        return org.custodian.platform.CsvCell.of(value);
    }

    static GeoJsonFeature<IncidentProperties> feature(Incident i) {
        return GeoJsonFeature.of(
                i.id(),
                i.location(),
                new IncidentProperties(
                        i.regionCode(),
                        i.type(),
                        i.subType(),
                        i.occurredAt(),
                        i.timePrecision(),
                        i.geoPrecision(),
                        i.actor1(),
                        i.actor2(),
                        i.description(),
                        i.casualties(),
                        i.ceasefireViolation(),
                        i.reportingAgencyId(),
                        i.sources(),
                        i.version(),
                        i.reference(),
                        i.status(),
                        i.accidentId(),
                        i.type().acledEventType(),
                        i.casualties().killed(),
                        i.casualties().injured()));
    }

    private static Incidents.IncidentDraft draft(GeoJsonFeature<IncidentProperties> body) {
        IncidentProperties p = body.properties();
        return new Incidents.IncidentDraft(
                p.regionCode(),
                p.type(),
                p.subType(),
                p.occurredAt(),
                p.timePrecision() == null ? Incident.TimePrecision.EXACT : p.timePrecision(),
                body.geometry(),
                p.geoPrecision() == null ? Incident.GeoPrecision.EXACT : p.geoPrecision(),
                p.actor1(),
                p.actor2(),
                p.description().strip(),
                p.casualties() == null ? Casualties.NONE : p.casualties(),
                Boolean.TRUE.equals(p.ceasefireViolation()),
                p.reportingAgencyId(),
                p.sources() == null ? Set.of() : p.sources());
    }
}
