/**
 * Incidents and ceasefire monitoring: mine explosions, armed attacks, shelling, ceasefire violations,
 * terrorism, sabotage, espionage and public-order events, described after ACLED's event model (type and
 * sub-type, actors as reported, time and geo precision, fatalities, sources), verified by reviewers, with
 * every figure kept as its sources report it ({@link org.custodian.platform.ReportedFigures}). The joint
 * monitoring centre keeps the violations log and its daily report.
 *
 * <p>Mine accidents recorded by mine action become incidents through {@link
 * org.custodian.mineaction.AccidentRecorded}, linked to the accident rather than copied. Accepted field
 * submissions of the incident-report form become reported incidents citing them, waiting in the review queue.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Incidents",
        allowedDependencies = {"platform", "geo", "territory", "mineaction", "fieldcollect"})
@org.jspecify.annotations.NullMarked
package org.custodian.incidents;
