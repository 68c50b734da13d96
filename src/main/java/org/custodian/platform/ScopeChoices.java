package org.custodian.platform;

import java.util.List;
import java.util.Locale;

/**
 * The regions and agencies an account can be scoped to, offered by the module that keeps them (territory):
 * platform lies below it and so cannot ask it directly. The account pages offer these as choices.
 */
public interface ScopeChoices {

    /** A value a form sends and what a person reads for it. */
    record Choice(String value, String label) {}

    /** Every region: its code and its name in the language given. */
    List<Choice> regions(Locale locale);

    /** Every agency: its id and its name. */
    List<Choice> agencies();
}
