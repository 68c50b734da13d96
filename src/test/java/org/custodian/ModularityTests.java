package org.custodian;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries hold: no module reaches into another's internals or depends against the grain. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(CustodianApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void documentsTheModules() {
        new Documenter(modules).writeDocumentation();
    }
}
