package org.custodian.fieldcollect;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the review queue per form, one submission with its review forms, device keys with their QR codes. */
@Controller
class SubmissionPageController {

    private final FieldCollection collection;
    private final FieldForms forms;
    private final DeviceKeyRing keys;
    private final Callers callers;

    SubmissionPageController(FieldCollection collection, FieldForms forms, DeviceKeyRing keys, Callers callers) {
        this.collection = collection;
        this.forms = forms;
        this.keys = keys;
        this.callers = callers;
    }

    @GetMapping("/fieldcollect")
    String queue(
            @RequestParam(required = false) @Nullable String form,
            @RequestParam(defaultValue = "RECEIVED") Submission.Status status,
            Locale locale,
            Model model) {
        Scope scope = callers.current();
        String selected = form == null || form.isBlank() ? null : form;
        Map<String, String> titles = new LinkedHashMap<>();
        forms.all().forEach(f -> titles.put(f.id(), f.title(locale)));
        model.addAttribute("titles", titles);
        model.addAttribute("form", selected);
        model.addAttribute("status", status);
        model.addAttribute("statuses", Submission.Status.values());
        model.addAttribute("submissions", collection.queue(scope, selected, status, 500));
        model.addAttribute("illustrativeSender", IllustrativeSubmissions.SENDER);
        return "fieldcollect/queue";
    }

    @GetMapping("/fieldcollect/submissions/{id}")
    String submission(@PathVariable long id, Locale locale, Model model) {
        Scope scope = callers.current();
        Submission s = collection.submission(scope, id);
        FormDefinition form = forms.find(s.formId()).orElse(null);
        model.addAttribute("submission", s);
        model.addAttribute("illustrativeSender", IllustrativeSubmissions.SENDER);
        model.addAttribute("title", form == null ? s.formId() : form.title(locale));
        model.addAttribute("fields", form == null ? Map.of() : form.fields());
        Map<String, String> labels = new LinkedHashMap<>();
        collection.values(s).keySet().forEach(k -> labels.put(k, form == null ? k : form.label(k, locale)));
        model.addAttribute("labels", labels);
        // Single choices are corrected from a list; several choices stay typed as codes, listed beside them.
        Map<String, Map<String, String>> choices = new LinkedHashMap<>();
        java.util.Set<String> multiple = form == null ? java.util.Set.of() : form.multiple();
        if (form != null) {
            labels.keySet().forEach(k -> {
                Map<String, String> c = form.choices(k, locale);
                if (!c.isEmpty()) {
                    choices.put(k, c);
                }
            });
        }
        model.addAttribute("choices", choices);
        model.addAttribute("multiple", multiple);
        model.addAttribute("values", collection.values(s));
        model.addAttribute("original", collection.original(s));
        model.addAttribute("corrections", collection.corrections(s));
        model.addAttribute("files", collection.files(scope, id));
        model.addAttribute("reviewer", collection.reviews(scope, s) && s.status() == Submission.Status.RECEIVED);
        return "fieldcollect/submission";
    }

    /** A submission by its instanceID, as records made from one cite it. */
    @GetMapping("/fieldcollect/instances/{instanceId}")
    String byInstance(@PathVariable String instanceId) {
        return "redirect:/fieldcollect/submissions/"
                + collection.byInstance(callers.current(), instanceId).id();
    }

    @PostMapping("/fieldcollect/submissions/{id}/acceptance")
    String accept(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long version,
            RedirectAttributes redirect) {
        String page = "/fieldcollect/submissions/" + id;
        return PageForms.attempt(page, redirect, () -> collection.accept(callers.current(), id, version));
    }

    @PostMapping("/fieldcollect/submissions/{id}/rejection")
    String reject(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        String page = "/fieldcollect/submissions/" + id;
        return PageForms.attempt(page, redirect, () -> collection.reject(callers.current(), id, version, reason));
    }

    /** Every field of the form arrives as {@code value.<path>}; unchanged ones change nothing. */
    @PostMapping("/fieldcollect/submissions/{id}/corrections")
    String correct(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long version,
            @RequestParam Map<String, String> params,
            RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("value.")) {
                values.put(k.substring(6), v);
            }
        });
        String page = "/fieldcollect/submissions/" + id;
        return PageForms.attempt(page, redirect, () -> collection.correct(callers.current(), id, version, values));
    }

    @GetMapping("/fieldcollect/keys")
    String keys(Model model) {
        Scope scope = callers.current();
        model.addAttribute("keys", keys.visible(scope));
        model.addAttribute("collector", DeviceKeyRing.COLLECTORS.contains(scope.role()));
        Object secret = model.getAttribute("secret");
        if (secret instanceof String s) {
            String url = SubmissionController.serverUrl(s);
            model.addAttribute("serverUrl", url);
            model.addAttribute(
                    "qr", CollectSettings.svg(CollectSettings.payload(CollectSettings.json(url, "Custodian"))));
        }
        return "fieldcollect/keys";
    }

    @PostMapping("/fieldcollect/keys")
    String issue(@RequestParam(required = false) @Nullable String name, RedirectAttributes redirect) {
        return PageForms.attempt("/fieldcollect/keys", redirect, "keyName", name == null ? "" : name, () -> {
            DeviceKeyRing.Issued issued = keys.issue(callers.current(), name == null ? "" : name);
            // Shown once, on the page this redirects to; never stored in clear.
            redirect.addFlashAttribute("secret", issued.secret());
            redirect.addFlashAttribute("issuedName", issued.key().name());
            return "/fieldcollect/keys";
        });
    }

    @PostMapping("/fieldcollect/keys/{id}/revocation")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt("/fieldcollect/keys", redirect, () -> keys.revoke(callers.current(), id));
    }
}
