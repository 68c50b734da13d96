/**
 * Routing: a road network imported from OpenStreetMap and routes over it that keep clear of the areas to
 * avoid (active hazard areas with a buffer) and of closed roads. Modules above it plan convoy, evacuation and
 * corridor routes through {@link org.custodian.routing.RoutePlanner}. It follows hazard areas through mine
 * action's {@code HazardAreaChanged} events and names settlements through territory.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Routing",
        allowedDependencies = {"platform", "platform::nodes", "geo", "territory", "mineaction"})
@org.jspecify.annotations.NullMarked
package org.custodian.routing;
