/**
 * What lets several nodes share one database: scheduled jobs that run on one node at a time, and domain
 * events left unfinished by a node that stopped, resubmitted by one node only. Signed-in sessions are kept
 * in the database (Spring Session JDBC) and remembered credentials are forgotten on every node through the
 * database's notifications (see {@code platform.security}).
 */
@org.jspecify.annotations.NullMarked
package org.custodian.platform.nodes;
