package org.custodian.platform;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.custodian.geo.GeometryRejected;
import org.jspecify.annotations.Nullable;

/**
 * Why a request was refused: a {@link Refusal} and the values it names (a reference, a date, a number).
 * The API says it in English ({@link #english()}, stable for programs); a page says it in the language of
 * the page ({@link #in(Locale)}). Values are shown as given, never with a language's digit grouping: they
 * are references and ids more often than quantities. A value may itself be a reason, or a list of them,
 * said in the same language, and so may a refused geometry ({@link GeometryRejected}, whose words the geo module keeps).
 */
public record Reason(Refusal refusal, List<Object> arguments) {

    private static final String BUNDLE = "i18n.refusals";

    public Reason {
        arguments = List.copyOf(arguments);
    }

    public static Reason of(Refusal refusal, Object... arguments) {
        return new Reason(refusal, Arrays.stream(arguments).map(Reason::value).toList());
    }

    private static Object value(@Nullable Object argument) {
        if (argument instanceof Reason || argument instanceof GeometryRejected) {
            return argument;
        }
        if (argument instanceof Collection<?> list && list.stream().allMatch(Reason.class::isInstance)) {
            return List.copyOf(list);
        }
        return String.valueOf(argument);
    }

    /** The reason in English, as the API gives it. */
    public String english() {
        return in(Locale.ROOT);
    }

    /** The reason in {@code language}, or in English where that language has no text for it. */
    public String in(Locale language) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(
                            BUNDLE,
                            language,
                            Reason.class.getClassLoader(),
                            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))
                    .getString(refusal.key());
        } catch (MissingResourceException e) {
            // RefusalsUnitTests prevents this; should it happen, the key still says what was refused.
            return refusal.key() + " " + arguments;
        }
        return new MessageFormat(pattern, language)
                .format(arguments.stream().map(a -> said(a, language)).toArray());
    }

    private static String said(Object argument, Locale language) {
        if (argument instanceof Reason r) {
            return r.in(language);
        }
        if (argument instanceof GeometryRejected g) {
            return g.reason(language);
        }
        if (argument instanceof List<?> reasons) {
            return String.join(
                    ", ", reasons.stream().map(r -> ((Reason) r).in(language)).toList());
        }
        return (String) argument;
    }
}
