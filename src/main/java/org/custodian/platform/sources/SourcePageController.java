package org.custodian.platform.sources;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.platform.UploadedFileName;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the current sources, searched; a new source; one source with its versions and, for those who may
 * correct it, the correction and attachment forms.
 */
@Controller
class SourcePageController {

    private final SourceRegister register;
    private final Callers callers;

    SourcePageController(SourceRegister register, Callers callers) {
        this.register = register;
        this.callers = callers;
    }

    /** Sources the list page shows at a time. */
    static final int PAGE = 50;

    @GetMapping("/sources")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String query = q == null ? "" : q.strip();
        org.springframework.data.domain.Page<Source> found = register.list(query, Math.max(page, 0), PAGE);
        model.addAttribute("sources", found.getContent());
        model.addAttribute("matched", found.getTotalElements());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", found.getTotalPages());
        model.addAttribute("q", query);
        model.addAttribute("writes", callers.current().role().writesRecords());
        return "sources/list";
    }

    /** What the source form holds; given back with the reason when it is refused. */
    record SourceForm(
            @Nullable String publisher,
            @Nullable String title,
            @Nullable LocalDate publishedOn,
            @Nullable Boolean dateApproximate,
            @Nullable String dateNote,
            @Nullable String link,
            @Nullable Long version)
            implements java.io.Serializable {

        static SourceForm of(Source s) {
            return new SourceForm(
                    s.publisher(),
                    s.title(),
                    s.publishedOn(),
                    s.dateApproximate(),
                    s.dateNote(),
                    s.link(),
                    s.version());
        }

        Sources.NewSource data() {
            if (publisher == null || publisher.isBlank() || title == null || title.isBlank()) {
                throw new RuleViolated("source", Refusals.GIVE_PUBLISHER_TITLE);
            }
            return new Sources.NewSource(
                    publisher, title, publishedOn, Boolean.TRUE.equals(dateApproximate), blank(dateNote), blank(link));
        }

        private static @Nullable String blank(@Nullable String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/sources/new")
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    String newSource(Model model) {
        if (!model.containsAttribute("source")) {
            model.addAttribute("source", new SourceForm(null, null, null, false, null, null, null));
        }
        return "sources/new";
    }

    /** Registers a source from the new source page, then shows it. */
    @PostMapping("/sources")
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    String create(SourceForm form, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/sources/new",
                redirect,
                "source",
                form,
                () -> "/sources/"
                        + register.create(callers.current(), form.data()).id());
    }

    @GetMapping("/sources/{id}")
    String source(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Source source = register.get(id);
        Source correction = register.correction(id).orElse(null);
        model.addAttribute("source", source);
        model.addAttribute("versions", register.history(id).reversed());
        model.addAttribute("correctedBy", correction);
        model.addAttribute("mayCorrect", correction == null && SourceRegister.mayCorrect(scope, source));
        model.addAttribute("correctionRefused", model.containsAttribute("correction"));
        model.addAttribute("removable", scope.isAdmin() && correction == null);
        model.addAttribute("removalRefused", model.containsAttribute("removalRefused"));
        if (!model.containsAttribute("correction")) {
            model.addAttribute("correction", SourceForm.of(source));
        }
        model.addAttribute(
                "documentTypes", SourceRegister.DOCUMENT_TYPES.stream().sorted().toList());
        return "sources/source";
    }

    /** The correction form: a new version of the source, which is then shown. */
    @PostMapping("/sources/{id}/correction")
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    String correct(@PathVariable long id, SourceForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/sources/" + id + "#correction-form", redirect, "correction", form, () -> {
            if (form.version() == null) {
                throw new RuleViolated("version", Refusals.FORM_LOST_VERSION_CORRECTS_RELOAD);
            }
            return "/sources/"
                    + register.update(callers.current(), id, form.version(), form.data())
                            .id();
        });
    }

    /**
     * The removal form of an administrator, as the API's delete: confirmed by a tick, refused with the reason
     * while a record cites the source; the list of sources is shown once it is gone.
     */
    @PostMapping("/sources/{id}/removal")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(
            @PathVariable long id, @RequestParam(defaultValue = "false") boolean confirm, RedirectAttributes redirect) {
        return PageForms.attempt("/sources/" + id + "#removal-form", redirect, "removalRefused", true, () -> {
            PageForms.requireTicked("confirm", confirm);
            register.delete(id);
            return "/sources";
        });
    }

    /** The attachment form: the document of the source; replacing one makes a new version. */
    @PostMapping(path = "/sources/{id}/attachment", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN','DIRECTOR','OFFICER')")
    String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        String name = UploadedFileName.of(file.getOriginalFilename(), "attachment");
        String type = file.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : file.getContentType();
        return PageForms.attempt("/sources/" + id + "#attachment-form", redirect, "attachmentName", name, () -> {
            try {
                return "/sources/"
                        + register.attach(callers.current(), id, name, type, file.getBytes())
                                .id();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
