/**
 * What lets several nodes share one database: scheduled jobs that run on one node at a time, domain events
 * left unfinished by a node that stopped, resubmitted by one node only, and {@link
 * org.custodian.platform.nodes.NodeNotices} through which a node tells the others that something they keep in
 * memory changed (remembered credentials, the areas routes avoid). Signed-in sessions are kept in the
 * database (Spring Session JDBC).
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.NamedInterface("nodes")
package org.custodian.platform.nodes;
