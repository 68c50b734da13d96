package org.custodian.cop;

import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.RuleViolated;
import org.custodian.territory.Agency;
import org.custodian.territory.AgencyKind;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The agencies every region works with, listed for everyone signed in; administrators add, correct and remove
 * them here, with the API's rules.
 */
@Controller
class AgencyPageController {

    private final Territory territory;
    private final Callers callers;

    AgencyPageController(Territory territory, Callers callers) {
        this.territory = territory;
        this.callers = callers;
    }

    /** What the agency form holds; given back with the reason when it is refused. */
    record AgencyForm(
            @Nullable String name,
            @Nullable String shortName,
            @Nullable AgencyKind kind,
            @Nullable String country,
            @Nullable Long version)
            implements java.io.Serializable {

        static AgencyForm blank() {
            return new AgencyForm(null, null, AgencyKind.SERVICE, null, null);
        }

        static AgencyForm of(Agency a) {
            return new AgencyForm(a.name(), a.shortName(), a.kind(), a.country(), a.version());
        }

        Territory.AgencyDraft draft() {
            if (RegionFormsPageController.missing(name) || kind == null) {
                throw new RuleViolated("agency", Refusals.GIVE_AGENCY_NAME_KIND);
            }
            return new Territory.AgencyDraft(
                    name.strip(),
                    RegionFormsPageController.orNull(shortName),
                    kind,
                    RegionFormsPageController.orNull(country));
        }
    }

    @GetMapping("/agencies")
    String list(Model model) {
        model.addAttribute("agencies", territory.agencies());
        model.addAttribute("mayChange", callers.current().isAdmin());
        return "cop/agencies";
    }

    @GetMapping("/agencies/new")
    String newAgency(Model model) {
        requireAdmin();
        if (!model.containsAttribute("agencyForm")) {
            model.addAttribute("agencyForm", AgencyForm.blank());
        }
        return form(null, model);
    }

    @PostMapping("/agencies")
    String create(AgencyForm form, RedirectAttributes redirect) {
        requireAdmin();
        return PageForms.attempt("/agencies/new", redirect, "agencyForm", form, () -> {
            territory.createAgency(callers.current(), form.draft());
            return "/agencies";
        });
    }

    @GetMapping("/agencies/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        requireAdmin();
        Agency agency = territory.agency(id);
        if (!model.containsAttribute("agencyForm")) {
            model.addAttribute("agencyForm", AgencyForm.of(agency));
        }
        return form(agency, model);
    }

    @PostMapping("/agencies/{id}")
    String update(@PathVariable long id, AgencyForm form, RedirectAttributes redirect) {
        requireAdmin();
        return PageForms.attempt("/agencies/" + id + "/edit", redirect, "agencyForm", form, () -> {
            territory.updateAgency(
                    callers.current(), id, RegionFormsPageController.version(form.version()), form.draft());
            return "/agencies";
        });
    }

    /** Removes an agency no account or record names; one still named stays, with the reason. */
    @PostMapping("/agencies/{id}/removal")
    String remove(
            @PathVariable long id,
            @RequestParam(defaultValue = "false") boolean confirmed,
            RedirectAttributes redirect) {
        requireAdmin();
        return PageForms.attempt("/agencies/" + id + "/edit#removal", redirect, "removal", Boolean.TRUE, () -> {
            PageForms.requireTicked("confirmed", confirmed);
            territory.deleteAgency(callers.current(), id);
            return "/agencies";
        });
    }

    private String form(@Nullable Agency agency, Model model) {
        model.addAttribute("agency", agency);
        model.addAttribute("kinds", AgencyKind.values());
        return "cop/agency-form";
    }

    private void requireAdmin() {
        if (!callers.current().isAdmin()) {
            throw new AccessDeniedException("administrators only");
        }
    }
}
