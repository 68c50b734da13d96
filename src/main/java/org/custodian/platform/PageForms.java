package org.custodian.platform;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form is answered: the change is made and the page shown again with "saved", or, when the
 * domain refuses it, shown again with the reason. Nothing is written in that case: the change is one
 * transaction of the module's service.
 */
public final class PageForms {

    private PageForms() {}

    /** Makes the change and redirects to {@code page} (a path), with a flash "saved" or "error". */
    public static String attempt(String page, RedirectAttributes redirect, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("saved", true);
        } catch (RuleViolated | ConflictWithState | RecordNotFound e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + page;
    }
}
