/**
 * Civil activities: working groups (mandate, topics, chair, members by agency or party) with their meetings,
 * proposals and their status history, decisions and action items (owned by an account, with due dates;
 * overdue ones listed for their owners); outreach teams, the beneficiaries they serve in remote villages
 * (the least personal data that serves, readable only by outreach workers and administrators, every read
 * kept in the audit trail) and their visits with the services delivered.
 *
 * <p>Public: the aggregates and services the demo loader uses, and {@link org.custodian.civil.Outreach} with
 * {@link org.custodian.civil.Outreach.VisitRecord}, through which field collection records an outreach visit.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Civil activities and outreach",
        allowedDependencies = {"platform", "geo", "territory", "fieldcollect"})
@org.jspecify.annotations.NullMarked
package org.custodian.civil;
