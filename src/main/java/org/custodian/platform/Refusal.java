package org.custodian.platform;

/**
 * A reason the domain gives for refusing a request, named by a constant of the package that refuses (each
 * package's {@code Refusals} enum) so that its key cannot be mistyped. Its text, with {@code {0}}-style
 * arguments, lives once in {@code i18n/refusals.properties} and its Azerbaijani, Russian and Armenian
 * translations, under {@link #key()}.
 */
public interface Refusal {

    /** The constant's name, given by the enum. */
    String name();

    /** {@code refusal.<package below org.custodian>.<name in lower case, words joined by dashes>}. */
    default String key() {
        String module = getClass().getPackageName().substring("org.custodian.".length());
        return "refusal." + module + "."
                + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
