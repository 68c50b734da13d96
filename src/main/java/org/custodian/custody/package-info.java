/**
 * Custody of recovered weapons, ammunition, military equipment, explosives and toxic materials: the items
 * (marked as the International Tracing Instrument asks, ammunition with its UN hazard code), the storage
 * sites that hold them under the UN compatibility mixing rules, surrender batches with printable receipts,
 * transfers in two steps and destruction.
 *
 * <p>Every change to an item is a custody event in an append-only ledger whose events are chained by
 * SHA-256 hashes; {@link org.custodian.custody.CustodyLedger#verify()} recomputes the chain. Ordnance finds
 * that mine action moves to custody arrive as {@link org.custodian.mineaction.OrdnanceMovedToCustody}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Custody",
        allowedDependencies = {"platform", "geo", "territory", "mineaction"})
@org.jspecify.annotations.NullMarked
package org.custodian.custody;
