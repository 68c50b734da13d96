package org.custodian.territory;

import java.util.List;
import java.util.Locale;
import org.custodian.platform.ScopeChoices;
import org.springframework.stereotype.Component;

/** The regions and agencies accounts are scoped to, for the account pages. */
@Component
class TerritoryScopeChoices implements ScopeChoices {

    private final Territory territory;

    TerritoryScopeChoices(Territory territory) {
        this.territory = territory;
    }

    @Override
    public List<Choice> regions(Locale locale) {
        return territory.regions().stream()
                .map(r -> new Choice(r.code(), r.code() + " · " + r.names().in(locale)))
                .toList();
    }

    @Override
    public List<Choice> agencies() {
        return territory.agencies().stream()
                .map(a -> new Choice(String.valueOf(a.id()), a.name()))
                .toList();
    }
}
