/**
 * Warnings to civilians: CAP 1.2 alerts composed by one person and approved by another, published as CAP
 * documents and an Atom feed, and delivered by SMS to subscribers in the alert's area, by loudspeakers and by
 * printed leaflets.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Alerts",
        allowedDependencies = {"platform", "geo", "territory", "mineaction", "incidents"})
@org.jspecify.annotations.NullMarked
package org.custodian.alerts;
