package org.custodian.cop;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ContentSecurity;
import org.custodian.platform.InvalidParameter;
import org.custodian.platform.PrintedDocuments;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The daily situation report of one region or of all the caller's regions: every module's charts, a map
 * excerpt, the day's figures with their sources, what changed since the day before, and the day's incidents
 * and alerts; as a page or as a PDF printed with the fonts of all four languages.
 */
@RestController
class SitrepController {

    /** The report's forms. */
    enum Format {
        html,
        pdf
    }

    private final Picture picture;
    private final Territory territory;
    private final Callers callers;
    private final PrintedDocuments documents;
    private final ITemplateEngine templates;

    SitrepController(
            Picture picture,
            Territory territory,
            Callers callers,
            PrintedDocuments documents,
            ITemplateEngine templates) {
        this.picture = picture;
        this.territory = territory;
        this.callers = callers;
        this.documents = documents;
        this.templates = templates;
    }

    @Operation(
            summary = "The daily situation report",
            description =
                    "One day's situation report, as a page (format=html, the default) or a PDF (format=pdf), in the caller's language: every module's charts, a map of the region, the day's counts with the sources of figures that came from sources, what changed since the day before and the day's incidents and alerts. Without region, all the caller's regions; without date, today (UTC). A region outside the caller's scope is refused (403).")
    @GetMapping("/api/reports/sitrep")
    ResponseEntity<byte[]> sitrep(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) @Nullable String date,
            @RequestParam(defaultValue = "html") Format format) {
        Scope scope = callers.current();
        LocalDate day = day(date);
        @Nullable Region chosen = region(scope, region);
        boolean printed = format == Format.pdf;
        Map<String, Object> model = model(scope, chosen, day, printed, LocaleContextHolder.getLocale());
        String name = "sitrep-" + (chosen == null ? "all" : chosen.code()) + "-" + day;
        if (printed) {
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".pdf\"")
                    .contentType(MediaType.APPLICATION_PDF)
                    .body(documents.pdf("cop/sitrep", model));
        }
        Context context = new Context(LocaleContextHolder.getLocale());
        model.forEach(context::setVariable);
        String html = templates.process("cop/sitrep", context);
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Content-Security-Policy", policyAllowingItsStyle(html))
                .body(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The report carries its own style sheet (it is saved and mailed as one document), allowed by its hash. */
    private static String policyAllowingItsStyle(String html) {
        int open = html.indexOf('>', html.indexOf("<style")) + 1;
        return ContentSecurity.allowingStyle(html.substring(open, html.indexOf("</style>", open)));
    }

    private Map<String, Object> model(
            Scope scope, @Nullable Region region, LocalDate day, boolean printed, Locale locale) {
        String code = region == null ? null : region.code();
        List<Picture.Board> boards = picture.boards(scope, code, day, printed, locale);
        List<Region> drawn = region == null ? DashboardPageController.inScope(territory, scope) : List.of(region);
        Map<String, Object> model = new HashMap<>();
        model.put("region", region);
        model.put("regionNames", drawn.stream().map(r -> r.names().in(locale)).toList());
        model.put("day", day);
        model.put("printed", printed);
        model.put("boards", boards);
        model.put(
                "changes",
                picture.changes(boards, scope, code, day).stream()
                        .filter(c -> c.difference() != 0)
                        .toList());
        model.put("events", picture.events(scope, code, day));
        model.put("map", picture.map(drawn, printed));
        model.put("legend", picture.mapLegend());
        model.put("printedFor", scope.username());
        return model;
    }

    private static LocalDate day(@Nullable String date) {
        if (date == null || date.isBlank()) {
            return LocalDate.now(ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidParameter("date", Refusals.NOT_A_DAY, date);
        }
    }

    private @Nullable Region region(Scope scope, @Nullable String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        Region region = territory.regions().stream()
                .filter(r -> r.code().equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> new InvalidParameter("region", CommonRefusals.NO_REGION, code));
        if (!scope.reads(region.code())) {
            throw new AccessDeniedException("your scope does not include the region " + region.code());
        }
        return region;
    }
}
