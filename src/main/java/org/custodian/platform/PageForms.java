package org.custodian.platform;

import java.io.Serializable;
import java.util.function.Supplier;
import org.custodian.geo.GeometryRejected;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page's form is answered: the change is made and the page shown again with "saved", or, when the
 * domain refuses it, shown again with the reason in the page's language. Nothing is written in that case: the change is one
 * transaction of the module's service.
 */
public final class PageForms {

    /**
     * A removal that cannot be undone is sent only with its confirming box ticked: checked here too, since a
     * page's script cannot ask (the Content-Security-Policy allows no inline script) and a form can be forged.
     */
    public static void requireTicked(String field, boolean ticked) {
        if (!ticked) {
            throw new RuleViolated(field, CommonRefusals.TICK_TO_CONFIRM_REMOVAL);
        }
    }

    private PageForms() {}

    /** Makes the change and redirects to {@code page} (a path), with a flash "saved" or "error". */
    public static String attempt(String page, RedirectAttributes redirect, Runnable change) {
        return answer(page, redirect, null, null, () -> {
            change.run();
            return page;
        });
    }

    /**
     * For a form of several fields: makes the change and redirects to the page it returns, with a flash
     * "saved"; when refused, redirects to {@code refused} with the reason as "error" and what was typed as
     * the flash attribute {@code name}, so the person does not type it again.
     */
    public static String attempt(
            String refused, RedirectAttributes redirect, String name, Serializable form, Supplier<String> change) {
        return answer(refused, redirect, name, form, change);
    }

    private static String answer(
            String refused,
            RedirectAttributes redirect,
            @Nullable String name,
            @Nullable Serializable form,
            Supplier<String> change) {
        try {
            String page = change.get();
            redirect.addFlashAttribute("saved", true);
            return "redirect:" + page;
        } catch (RuleViolated e) {
            refused(redirect, e.reason());
        } catch (ConflictWithState e) {
            refused(redirect, e.reason());
        } catch (RecordNotFound e) {
            refused(redirect, e.reason());
        } catch (GeometryRejected e) {
            refused(redirect, Reason.of(CommonRefusals.GEOMETRY_REFUSED, e));
        }
        if (name != null && form != null) {
            redirect.addFlashAttribute(name, form);
        }
        return "redirect:" + refused;
    }

    /** The reason in the page's language (the API gives it in English). */
    private static void refused(RedirectAttributes redirect, Reason reason) {
        redirect.addFlashAttribute("error", reason.in(LocaleContextHolder.getLocale()));
    }
}
