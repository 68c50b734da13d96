/**
 * The demo scenario: regions, settlements, administrations, agencies and sources built from the published
 * reports listed in the project's scenario facts, loaded once on an empty database unless
 * {@code custodian.demo.enabled=false}. Region boundaries are generated and labelled illustrative.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo scenario",
        allowedDependencies = {
            "platform",
            "geo",
            "territory",
            "mineaction",
            "facilities",
            "assets",
            "custody",
            "incidents",
            "humanitarian",
            "alerts",
            "civil",
            "fieldcollect"
        })
@org.jspecify.annotations.NullMarked
package org.custodian.demo;
