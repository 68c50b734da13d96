package org.custodian.cop;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.PageForms;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Administration;
import org.custodian.territory.Agency;
import org.custodian.territory.Appointment;
import org.custodian.territory.CoordinationLink;
import org.custodian.territory.PopulationEstimate;
import org.custodian.territory.Region;
import org.custodian.territory.RegionName;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The regions list and each region's page: its administration, director and who appointed them, the
 * agencies it coordinates with, and its settlements with every population figure beside its source.
 */
@Controller
class RegionPageController {

    private final Territory territory;
    private final Sources sources;
    private final Callers callers;
    private final Picture picture;

    RegionPageController(Territory territory, Sources sources, Callers callers, Picture picture) {
        this.territory = territory;
        this.sources = sources;
        this.callers = callers;
        this.picture = picture;
    }

    record RegionRow(
            RegionName region, boolean inScope, @Nullable Administration administration) {}

    @GetMapping("/regions")
    String list(Model model) {
        Scope scope = callers.current();
        Map<String, Administration> active = territory.administrations(scope, null).stream()
                .filter(a -> a.status() == Administration.Status.ACTIVE)
                .collect(Collectors.toMap(a -> a.region().code(), Function.identity(), (a, b) -> a));
        model.addAttribute(
                "rows",
                territory.regionNames().stream()
                        .map(r -> new RegionRow(r, scope.reads(r.code()), active.get(r.code())))
                        .toList());
        model.addAttribute("mayCreate", scope.isAdmin());
        return "cop/regions";
    }

    record Figure(PopulationEstimate estimate, Sources.@Nullable Citation source) {}

    record SettlementRow(Settlement settlement, List<Figure> figures) {}

    @GetMapping("/regions/{code}")
    String region(@PathVariable String code, Model model) {
        Scope scope = callers.current();
        Region region = territory.region(code);
        if (!scope.reads(code)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Your scope does not include this region");
        }
        List<Administration> administrations = territory.administrations(scope, code);
        Optional<Administration> active = administrations.stream()
                .filter(a -> a.status() == Administration.Status.ACTIVE)
                .findFirst();
        List<Settlement> settlements = territory.settlements(scope, code);
        Map<Long, Sources.Citation> cited = sources.findAll(java.util.stream.Stream.concat(
                        settlements.stream()
                                .flatMap(s -> s.populationEstimates().stream())
                                .map(PopulationEstimate::sourceId),
                        administrations.stream().flatMap(a -> a.sources().stream()))
                .toList());
        Map<Long, Agency> agencies =
                territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
        model.addAttribute("region", region);
        // The hub: every module's counts of the region's records, each linking to its filtered list.
        model.addAttribute("boards", picture.counts(scope, code, LocalDate.now(java.time.ZoneOffset.UTC)));
        model.addAttribute("administration", active.orElse(null));
        model.addAttribute(
                "history",
                administrations.stream()
                        .filter(a -> a.status() != Administration.Status.ACTIVE)
                        .toList());
        model.addAttribute("agencies", agencies);
        model.addAttribute("cited", cited);
        model.addAttribute(
                "settlements",
                settlements.stream()
                        .map(s -> new SettlementRow(
                                s,
                                s.populationEstimates().stream()
                                        .map(e -> new Figure(e, cited.get(e.sourceId())))
                                        .toList()))
                        .toList());
        model.addAttribute("mayChangeRegion", scope.isAdmin());
        model.addAttribute("maySettle", scope.writes(code));
        model.addAttribute("mayEstablish", scope.isAdmin() && active.isEmpty());
        model.addAttribute("mayAppoint", scope.isAdmin() && active.isPresent());
        model.addAttribute("mayDescribe", active.isPresent() && (scope.isAdmin() || scope.role() == Role.DIRECTOR));
        if (scope.isAdmin() || scope.role() == Role.DIRECTOR) {
            model.addAttribute("agencyChoices", agencies.values());
            model.addAttribute("citable", sources.all());
            model.addAttribute("directorPosition", Appointment.DIRECTOR);
            if (!model.containsAttribute("particulars")) {
                model.addAttribute(
                        "particulars", active.map(AdministrationForm::of).orElseGet(AdministrationForm::blank));
            }
        }
        return "cop/region";
    }

    /**
     * What the administration form holds; given back with the reason when it is refused. Coordination comes
     * as two lists of the same length, an agency and a subject a row; rows left empty are dropped.
     */
    record AdministrationForm(
            @Nullable String name,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate establishedOn,

            @Nullable String decreeReference,
            @Nullable List<Long> coordinationAgency,
            @Nullable List<String> coordinationSubject,
            @Nullable Set<Long> sources,
            @Nullable Long version)
            implements java.io.Serializable {

        static AdministrationForm blank() {
            return new AdministrationForm(null, null, null, List.of(), List.of(), Set.of(), null);
        }

        static AdministrationForm of(Administration a) {
            return new AdministrationForm(
                    a.name(),
                    a.establishedOn(),
                    a.decreeReference(),
                    a.coordination().stream().map(CoordinationLink::agencyId).toList(),
                    a.coordination().stream().map(CoordinationLink::subject).toList(),
                    a.sources(),
                    a.version());
        }

        /** The rows to show: those given, and two empty ones to add to (public: the page calls it). */
        public List<CoordinationLinkRow> rows() {
            List<CoordinationLinkRow> rows = new ArrayList<>();
            int given = Math.max(size(coordinationAgency), size(coordinationSubject));
            for (int i = 0; i < given + 2; i++) {
                rows.add(new CoordinationLinkRow(at(coordinationAgency, i), at(coordinationSubject, i)));
            }
            return rows;
        }

        Territory.AdministrationDraft draft(String regionCode) {
            if (name == null || name.isBlank() || establishedOn == null) {
                throw new RuleViolated("administration", Refusals.GIVE_ADMINISTRATION_S_NAME_DAY);
            }
            List<CoordinationLink> links = new ArrayList<>();
            int given = Math.max(size(coordinationAgency), size(coordinationSubject));
            for (int i = 0; i < given; i++) {
                Long agency = at(coordinationAgency, i);
                String subject = at(coordinationSubject, i);
                boolean noSubject = subject == null || subject.isBlank();
                if (agency == null && noSubject) {
                    continue;
                }
                if (agency == null || noSubject) {
                    throw new RuleViolated("coordination", Refusals.EACH_COORDINATION_ROW_NEEDS_BOTH);
                }
                links.add(new CoordinationLink(agency, subject.strip()));
            }
            return new Territory.AdministrationDraft(
                    regionCode,
                    name.strip(),
                    establishedOn,
                    decreeReference == null || decreeReference.isBlank() ? null : decreeReference.strip(),
                    links,
                    sources == null ? Set.of() : sources);
        }

        private static int size(@Nullable List<?> list) {
            return list == null ? 0 : list.size();
        }

        private static <T> @Nullable T at(@Nullable List<T> list, int i) {
            return list == null || i >= list.size() ? null : list.get(i);
        }
    }

    record CoordinationLinkRow(
            @Nullable Long agencyId, @Nullable String subject) {}

    /** Establishes the region's administration (administrators, when it has none active). */
    @PostMapping("/regions/{code}/administration")
    String establish(@PathVariable String code, AdministrationForm form, RedirectAttributes redirect) {
        String page = "/regions/" + code + "#administration";
        return PageForms.attempt(page, redirect, "particulars", form, () -> {
            territory.establish(callers.current(), form.draft(code));
            return page;
        });
    }

    /** Changes the administration's particulars (administrators and the region's directors). */
    @PostMapping("/regions/{code}/administration/{id}")
    String describe(
            @PathVariable String code, @PathVariable long id, AdministrationForm form, RedirectAttributes redirect) {
        String page = "/regions/" + code + "#administration";
        return PageForms.attempt(page, redirect, "particulars", form, () -> {
            if (form.version() == null) {
                throw new RuleViolated("version", CommonRefusals.FORM_LOST_VERSION_CHANGES_RELOAD);
            }
            territory.updateAdministration(callers.current(), id, form.version(), form.draft(code));
            return page;
        });
    }

    /** Appoints a person (by default the director, ending the previous one's term) on behalf of an agency. */
    @PostMapping("/regions/{code}/administration/{id}/appointments")
    String appoint(
            @PathVariable String code,
            @PathVariable long id,
            @RequestParam String personName,
            @RequestParam String position,
            @RequestParam long appointedBy,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate appointedOn,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/regions/" + code + "#appointment-form",
                redirect,
                () -> territory.appoint(
                        callers.current(),
                        id,
                        new Appointment(personName.strip(), position.strip(), appointedBy, appointedOn, null)));
    }

    /** Dissolves the administration from a day: it stays as history, and the region may have a new one. */
    @PostMapping("/regions/{code}/administration/{id}/dissolution")
    String dissolve(
            @PathVariable String code,
            @PathVariable long id,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dissolvedOn,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/regions/" + code + "#administration",
                redirect,
                () -> territory.dissolve(callers.current(), id, dissolvedOn));
    }
}
