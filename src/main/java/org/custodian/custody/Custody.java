package org.custodian.custody;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody module's API. Who sees what: administrators and the custody roles (director, officer) of an
 * item's region see everything, serials and locations included; other roles of the region see the register
 * without serials, markings, lots and locations; partners see aggregate counts only. Every change to an item
 * is appended to the {@link CustodyLedger} in the same transaction. A write that puts items in a site locks the
 * site's row before it counts what the site holds, so concurrent writes never overfill a site or mix what may
 * not be stored together. Locks are always taken in one order: an existing item's row, then sites' rows (in id
 * order when several), then the ledger's.
 */
@Service
@Transactional(readOnly = true)
public class Custody {

    private static final String ITEM_NUMBERS = "custody_item_number";
    private static final String BATCH_NUMBERS = "custody_batch_number";

    /** Largest page of a register search. */
    static final int MAX_RESULTS = 1_000;

    private final CustodyItems items;
    private final StorageSites sites;
    private final SurrenderBatches batches;
    private final Transfers transfers;
    private final Destructions destructions;
    private final CustodyLedger ledger;
    private final org.custodian.platform.Sequences numbers;
    private final Territory territory;

    Custody(
            CustodyItems items,
            StorageSites sites,
            SurrenderBatches batches,
            Transfers transfers,
            Destructions destructions,
            CustodyLedger ledger,
            org.custodian.platform.Sequences numbers,
            Territory territory) {
        this.items = items;
        this.sites = sites;
        this.batches = batches;
        this.transfers = transfers;
        this.destructions = destructions;
        this.ledger = ledger;
        this.numbers = numbers;
        this.territory = territory;
    }

    /**
     * What an item is, as found. {@code foundTimeKnown} is false when only the day of the find is known: the
     * instant is then noon of that day in the region, and pages show the day alone.
     */
    public record ItemDraft(
            CustodyItem.Category category,
            String description,
            @Nullable String typeModel,
            @Nullable String manufacturer,
            @Nullable String countryOfManufacture,
            @Nullable String calibre,
            @Nullable String serialNumber,
            @Nullable String markings,
            @Nullable String lot,
            BigDecimal quantity,
            CustodyItem.Unit unit,
            @Nullable HazardCode hazardCode,
            CustodyItem.@Nullable Condition condition,
            Point foundAt,
            Instant foundTime,
            String foundBy,
            boolean foundTimeKnown) {}

    public record SiteDraft(
            String name,
            String regionCode,
            @Nullable Long facilityId,
            Point location,
            int capacity,
            long keeperAgencyId) {}

    public record BatchDraft(
            String regionCode,
            String party,
            Point place,
            Instant receivedAt,
            String receivingOfficer,
            List<String> witnesses,
            long siteId,
            List<ItemDraft> items) {}

    /** Where an item goes: another site, or another agency (exactly one). */
    public record TransferDraft(
            @Nullable Long toSiteId,
            @Nullable Long toAgencyId,
            @Nullable Instant dispatchedAt) {}

    public record ReceiptDraft(
            @Nullable Long siteId,
            @Nullable Instant receivedAt,
            BigDecimal quantity,
            @Nullable String discrepancy) {}

    public record DestructionDraft(String method, Instant destroyedAt, List<String> witnesses, String certificate) {}

    /** Filters of the register. {@code serial} matches a serial or marking exactly, {@code partial} in part. */
    public record ItemQuery(
            @Nullable String region,
            CustodyItem.@Nullable Category category,
            CustodyItem.@Nullable Status status,
            @Nullable Long siteId,
            @Nullable String serial,
            @Nullable String partial) {}

    /** How much of an item's record the caller may see. */
    public enum Visibility {
        FULL,
        WITHOUT_SERIALS_AND_LOCATIONS,
        COUNTS_ONLY
    }

    /** Items by region, category and status. */
    public record Count(String regionCode, CustodyItem.Category category, CustodyItem.Status status, long items) {}

    /** @param expectedItems the reference of each item on its way, by item id */
    public record SiteContents(
            StorageSite site,
            List<CustodyItem> held,
            List<Transfer> expected,
            java.util.Map<Long, String> expectedItems,
            List<String> codes) {}

    // A rule on the caller alone: no transaction (every answer about an item asks it).
    @Transactional(propagation = Propagation.SUPPORTS)
    public Visibility visibility(Scope scope, String regionCode) {
        if (scope.isAdmin()) {
            return Visibility.FULL;
        }
        if (scope.role() == Role.PARTNER || !scope.reads(regionCode)) {
            return Visibility.COUNTS_ONLY;
        }
        return scope.role() == Role.DIRECTOR || scope.role() == Role.OFFICER
                ? Visibility.FULL
                : Visibility.WITHOUT_SERIALS_AND_LOCATIONS;
    }

    // ---- sites

    public List<StorageSite> sites(Scope scope, @Nullable String regionCode) {
        requireRegister(scope);
        return sites.findInScope(regionCode, scope.allRegions(), scope.regionsForQuery());
    }

    public StorageSite site(Scope scope, long id) {
        requireRegister(scope);
        return sites.findById(id)
                .filter(s -> scope.reads(s.regionCode()))
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_STORAGE_SITE, id));
    }

    /** A site with what it holds, what is on its way to it, and the hazard codes it holds. */
    public SiteContents contents(Scope scope, long id) {
        StorageSite site = site(scope, id);
        List<CustodyItem> held = items.heldAt(id);
        List<String> codes = held.stream()
                .map(CustodyItem::hazardCode)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
        List<Transfer> expected = transfers.expectedAt(id);
        java.util.Map<Long, String> references = new java.util.HashMap<>();
        items.findAllById(expected.stream().map(Transfer::itemId).toList())
                .forEach(i -> references.put(i.id(), i.reference()));
        return new SiteContents(site, held, expected, references, codes);
    }

    @Transactional
    public StorageSite createSite(Scope scope, SiteDraft draft) {
        Region region = territory.writableRegion(scope, draft.regionCode());
        GeometryRules.check("location", draft.location(), Set.of("Point"));
        region.requireHolds("location", Refusals.WHAT_SITE, draft.location());
        if (draft.capacity() <= 0) {
            throw new RuleViolated("capacity", Refusals.SITE_HOLDS_LEAST_ITEM);
        }
        territory.agency(draft.keeperAgencyId());
        if (sites.findByName(draft.name().strip()).isPresent()) {
            throw new ConflictWithState(
                    Refusals.STORAGE_SITE_NAMED_EXISTS_ALREADY, draft.name().strip());
        }
        return sites.save(new StorageSite(
                draft.name().strip(),
                region.code(),
                draft.facilityId(),
                draft.location(),
                draft.capacity(),
                draft.keeperAgencyId()));
    }

    // ---- register

    public List<CustodyItem> items(Scope scope, ItemQuery query) {
        requireRegister(scope);
        String serial = normalised(query.serial());
        String partial = normalised(query.partial());
        if ((serial != null || partial != null) && !seesSerials(scope)) {
            throw new AccessDeniedException("searching by serial or marking needs a custody role");
        }
        List<CustodyItem> found = items.search(
                query.region(),
                query.category(),
                query.status(),
                query.siteId(),
                serial,
                partial == null ? null : "%" + partial.replace("%", "").replace("_", "") + "%",
                scope.allRegions(),
                scope.regionsForQuery(),
                PageRequest.of(0, MAX_RESULTS));
        // A serial search never reveals items of a region where the caller may not see serials.
        return serial == null && partial == null
                ? found
                : found.stream()
                        .filter(i -> visibility(scope, i.regionCode()) == Visibility.FULL)
                        .toList();
    }

    public CustodyItem item(Scope scope, long id) {
        requireRegister(scope);
        return items.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_CUSTODY_ITEM, id));
    }

    /** An item's custody events, for the custody roles of its region. */
    public List<LedgerChain.Link> history(Scope scope, long itemId) {
        CustodyItem item = item(scope, itemId);
        if (visibility(scope, item.regionCode()) != Visibility.FULL) {
            throw new AccessDeniedException("an item's custody history needs a custody role of its region");
        }
        return ledger.history(itemId);
    }

    /**
     * Recomputes the ledger chain, checks it against its last checkpoint and replays it against the register;
     * for administrators and custody roles. The ledger is one chain, so the whole of it is verified, but a
     * region's custody roles are shown their regions' figures: the number of their items' events, the
     * register differences of their items, and where the chain breaks only when it breaks on one of their
     * items. The global head, length and checkpoint are for administrators.
     */
    public CustodyLedger.Verification verifyLedger(Scope scope) {
        if (!seesSerials(scope)) {
            throw new AccessDeniedException("verifying the custody ledger needs a custody role");
        }
        CustodyLedger.Verification v = ledger.verify();
        if (scope.isAdmin()) {
            return v;
        }
        List<CustodyLedger.Difference> differences = v.differences().stream()
                .filter(d -> scope.reads(d.regionCode()))
                .toList();
        Long broken = v.firstBrokenEvent();
        String reason = null;
        if (broken != null) {
            if (ledger.regionOfEvent(broken).filter(scope::reads).isPresent()) {
                reason = v.reason();
            } else {
                broken = null;
                reason = "the ledger does not verify outside your regions: an administrator can see where";
            }
        } else if (!v.checkpointHolds()) {
            reason = "the ledger no longer matches its signed checkpoint: an administrator can see the details";
        } else if (!differences.isEmpty()) {
            reason = "the register differs from the ledger: "
                    + differences.get(0).describe()
                    + (differences.size() > 1 ? " (and " + (differences.size() - 1) + " more)" : "");
        } else if (!v.intact() && v.differences().isEmpty()) {
            reason = "the ledger does not verify: an administrator can see why";
        }
        List<String> regions = scope.allRegions()
                ? List.of()
                : scope.regions().stream().sorted().toList();
        return new CustodyLedger.Verification(
                scope.allRegions() ? v.events() : ledger.eventsOfRegions(scope.regions()),
                reason == null,
                broken,
                reason,
                null,
                v.took(),
                null,
                v.checkpointHolds(),
                differences,
                regions);
    }

    public List<Transfer> transfers(Scope scope, long itemId) {
        item(scope, itemId);
        return transfers.findByItemIdOrderById(itemId);
    }

    public java.util.Optional<Destruction> destruction(Scope scope, long itemId) {
        item(scope, itemId);
        return destructions.findByItemId(itemId);
    }

    public List<Count> counts(Scope scope, @Nullable String regionCode) {
        return items.counts(regionCode, scope.allRegions(), scope.regionsForQuery()).stream()
                .map(r -> new Count(
                        (String) r[0],
                        (CustodyItem.Category) r[1],
                        (CustodyItem.Status) r[2],
                        ((Number) r[3]).longValue()))
                .toList();
    }

    /** Registers one item found or seized and puts it in a site. */
    @Transactional
    public CustodyItem register(Scope scope, ItemDraft draft, CustodyItem.Origin origin, long siteId) {
        if (origin == CustodyItem.Origin.SURRENDER) {
            throw new RuleViolated("origin", Refusals.SURRENDERED_ITEMS_RECEIVED_SURRENDER_BATCH);
        }
        // The number before the site's lock, which is held to the commit: one statement less under it.
        long number = numbers.next(ITEM_NUMBERS);
        StorageSite.Locked site = writableSite(scope, siteId);
        CustodyItem item = newItem(site.site(), draft, origin, number);
        return store(item, new Holding(site), Map.of());
    }

    // ---- surrender

    public List<SurrenderBatch> batches(Scope scope) {
        requireFull(scope, null);
        return batches.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public SurrenderBatch batch(Scope scope, long id) {
        SurrenderBatch batch = batches.findById(id)
                .filter(b -> scope.reads(b.regionCode()))
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_SURRENDER_BATCH, id));
        requireFull(scope, batch.regionCode());
        return batch;
    }

    public List<CustodyItem> batchItems(Scope scope, long id) {
        batch(scope, id);
        return items.findByBatchIdOrderById(id);
    }

    /** Receives a surrender: the batch and each of its items, registered and stored at the batch's site. */
    @Transactional
    public SurrenderBatch receiveSurrender(Scope scope, BatchDraft draft) {
        Region region = territory.writableRegion(scope, draft.regionCode());
        GeometryRules.check("place", draft.place(), Set.of("Point"));
        region.requireHolds("place", Refusals.WHAT_PLACE, draft.place());
        notInFuture("receivedAt", draft.receivedAt());
        if (draft.items().isEmpty()) {
            throw new RuleViolated("items", Refusals.SURRENDER_BATCH_LISTS_LEAST_ITEM);
        }
        if (draft.witnesses().stream().allMatch(String::isBlank)) {
            throw new RuleViolated("witnesses", Refusals.SURRENDER_RECEIVED_BEFORE_LEAST_WITNESS);
        }
        // The numbers before the site's lock, which is held to the commit: a statement less an item under it.
        long batchNumber = numbers.next(BATCH_NUMBERS);
        long[] itemNumbers = new long[draft.items().size()];
        for (int i = 0; i < itemNumbers.length; i++) {
            itemNumbers[i] = numbers.next(ITEM_NUMBERS);
        }
        StorageSite.Locked locked = writableSite(scope, draft.siteId());
        StorageSite site = locked.site();
        String reference = region.code() + "-SB-" + String.format("%04d", batchNumber);
        SurrenderBatch batch = batches.save(new SurrenderBatch(
                reference,
                region.code(),
                draft.party().strip(),
                draft.place(),
                draft.receivedAt(),
                draft.receivingOfficer().strip(),
                draft.witnesses().stream()
                        .map(String::strip)
                        .filter(w -> !w.isEmpty())
                        .toList(),
                site.id()));
        Holding holding = new Holding(locked);
        for (int i = 0; i < draft.items().size(); i++) {
            CustodyItem item = newItem(site, draft.items().get(i), CustodyItem.Origin.SURRENDER, itemNumbers[i]);
            item.fromBatch(batch.id());
            try {
                store(item, holding, Map.of("batch", reference, "party", batch.party()));
            } catch (RuleViolated e) {
                throw new RuleViolated("items[" + i + "]." + e.field(), e.reason());
            }
        }
        return batch;
    }

    // ---- transfers and destruction

    /** The first step of a transfer: the item leaves its site for another site or another agency. */
    @Transactional
    public Transfer dispatch(Scope scope, long itemId, TransferDraft draft) {
        CustodyItem item = lockedWritable(scope, itemId);
        item.dispatch();
        if ((draft.toSiteId() == null) == (draft.toAgencyId() == null)) {
            throw new RuleViolated("toSiteId", Refusals.SEND_ITEM_EITHER_SITE_AGENCY);
        }
        Instant at = draft.dispatchedAt() == null ? Instant.now() : draft.dispatchedAt();
        notInFuture("dispatchedAt", at);
        long from = java.util.Objects.requireNonNull(item.siteId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fromSite", from);
        if (draft.toSiteId() != null) {
            if (draft.toSiteId() == from) {
                throw new RuleViolated("toSiteId", Refusals.ITEM_SITE_ALREADY);
            }
            // A site outside the caller's regions answers exactly as a missing one: neither its existence nor
            // what it holds is told. Transfers between regions are dispatched by someone who sees both.
            StorageSite to = sites.findById(draft.toSiteId())
                    .filter(s -> scope.reads(s.regionCode()))
                    .orElseThrow(() -> noSiteInScope("toSiteId", draft.toSiteId()));
            // Refuse now what the destination would refuse on arrival; unlocked, as the receipt checks again
            // under the destination's lock.
            new Holding(to, to.heldItems()).refusal(item).ifPresent(why -> {
                throw new RuleViolated("toSiteId", why);
            });
            payload.put("toSite", to.id());
        } else {
            territory.agency(draft.toAgencyId());
            payload.put("toAgency", draft.toAgencyId());
        }
        Transfer transfer = transfers.save(
                new Transfer(item.id(), from, draft.toSiteId(), draft.toAgencyId(), at, scope.username()));
        payload.put("transfer", transfer.id());
        payload.put("dispatchedAt", at.toString());
        items.flush();
        ledger.append(item.id(), CustodyLedger.Kind.DISPATCHED, payload);
        return transfer;
    }

    /** The second step: the receiving site (or agency) records what arrived. */
    @Transactional
    public Transfer receive(Scope scope, long transferId, ReceiptDraft draft) {
        Transfer transfer =
                transfers.findById(transferId).orElseThrow(() -> new RecordNotFound(Refusals.NO_TRANSFER, transferId));
        CustodyItem item = items.lockById(transfer.itemId())
                .filter(i -> scope.reads(i.regionCode())
                        || (transfer.toSiteId() != null && scope.writes(siteRegion(transfer.toSiteId()))))
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_TRANSFER, transferId));
        Instant at = draft.receivedAt() == null ? Instant.now() : draft.receivedAt();
        notInFuture("receivedAt", at);
        if (draft.quantity().signum() < 0) {
            throw new RuleViolated("quantity", Refusals.QUANTITY_CANNOT_NEGATIVE);
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("transfer", transfer.id());
        if (draft.siteId() != null) {
            StorageSite.Locked locked = writableSite(scope, draft.siteId());
            StorageSite site = locked.site();
            transfer.receive(site.id(), at, scope.username(), draft.quantity(), item.quantity(), draft.discrepancy());
            new Holding(locked).refusal(item).ifPresent(why -> {
                throw new RuleViolated("siteId", why);
            });
            item.receiveAt(site);
            payload.put("site", site.id());
        } else {
            scope.requireWrites(item.regionCode());
            transfer.receive(null, at, scope.username(), draft.quantity(), item.quantity(), draft.discrepancy());
            item.handOver(java.util.Objects.requireNonNull(transfer.toAgencyId()));
            payload.put("agency", transfer.toAgencyId());
        }
        payload.put("receivedAt", at.toString());
        payload.put("quantity", draft.quantity().toPlainString());
        if (transfer.discrepancy() != null) {
            payload.put("discrepancy", transfer.discrepancy());
        }
        items.flush();
        ledger.append(
                item.id(),
                draft.siteId() == null ? CustodyLedger.Kind.HANDED_OVER : CustodyLedger.Kind.RECEIVED,
                payload);
        return transfer;
    }

    @Transactional
    public Destruction destroy(Scope scope, long itemId, DestructionDraft draft) {
        CustodyItem item = lockedWritable(scope, itemId);
        item.destroy();
        notInFuture("destroyedAt", draft.destroyedAt());
        if (draft.method().isBlank()) {
            throw new RuleViolated("method", Refusals.SAY_HOW_ITEM_DESTROYED);
        }
        if (draft.certificate().isBlank()) {
            throw new RuleViolated("certificate", Refusals.GIVE_DESTRUCTION_CERTIFICATE_S_NUMBER);
        }
        List<String> witnesses = draft.witnesses().stream()
                .map(String::strip)
                .filter(w -> !w.isEmpty())
                .toList();
        if (witnesses.isEmpty()) {
            throw new RuleViolated("witnesses", Refusals.DESTRUCTION_WITNESSED_LEAST_PERSON);
        }
        Destruction destruction = destructions.save(new Destruction(
                item.id(),
                draft.method().strip(),
                draft.destroyedAt(),
                witnesses,
                draft.certificate().strip(),
                scope.username()));
        items.flush();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("method", destruction.method());
        payload.put("destroyedAt", draft.destroyedAt().toString());
        payload.put("witnesses", witnesses);
        payload.put("certificate", destruction.certificate());
        ledger.append(item.id(), CustodyLedger.Kind.DESTROYED, payload);
        return destruction;
    }

    @Transactional
    public CustodyItem release(Scope scope, long itemId, String reason) {
        CustodyItem item = lockedWritable(scope, itemId);
        item.release();
        if (reason.isBlank()) {
            throw new RuleViolated("reason", Refusals.SAY_WHY_WHOM_ITEM_RELEASED);
        }
        items.flush();
        ledger.append(item.id(), CustodyLedger.Kind.RELEASED, Map.of("reason", reason.strip()));
        return item;
    }

    // ---- ordnance finds from mine action

    /**
     * Takes an ordnance find into custody at the nearest site of its region that accepts it (or the nearest
     * anywhere). Idempotent: a find is registered once.
     */
    @Transactional
    public @Nullable CustodyItem takeOrdnanceFind(
            long findId,
            String regionCode,
            Point location,
            String category,
            String description,
            int quantity,
            Instant foundTime) {
        if (items.existsByOrdnanceFindId(findId)) {
            return null;
        }
        ItemDraft draft = new ItemDraft(
                CustodyItem.Category.EXPLOSIVE,
                category.replace("_MINE", " mine")
                                .replace("CLUSTER_MUNITION", "cluster munition")
                                .replace("BOOBY_TRAP", "booby trap")
                        + ": " + description,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                BigDecimal.valueOf(quantity),
                CustodyItem.Unit.PIECES,
                null,
                CustodyItem.Condition.UNSAFE,
                location,
                foundTime,
                "mine action (ordnance find " + findId + ")",
                // A find is dated by its day only.
                false);
        // Several sites may be tried: all are locked, in id order, so that two finds never wait on each other
        // in a circle, and none can fill between this check and the write.
        List<StorageSite.Locked> candidates = new ArrayList<>(sites.lockAll());
        candidates.sort(Comparator.comparing(
                        (StorageSite.Locked s) -> !s.site().regionCode().equals(regionCode))
                .thenComparingDouble(s -> s.site().location().distance(location)));
        for (StorageSite.Locked locked : candidates) {
            StorageSite site = locked.site();
            CustodyItem probe = newItem(site, draft, CustodyItem.Origin.ORDNANCE_FIND, 0);
            Holding holding = new Holding(locked);
            if (holding.refusal(probe).isEmpty()) {
                CustodyItem item = newItem(site, draft, CustodyItem.Origin.ORDNANCE_FIND, numbers.next(ITEM_NUMBERS));
                item.fromOrdnanceFind(findId);
                return store(item, holding, Map.of("ordnanceFind", findId));
            }
        }
        throw new ConflictWithState(Refusals.NO_STORAGE_SITE_CAN_TAKE, findId);
    }

    // ---- internals

    private CustodyItem newItem(StorageSite site, ItemDraft d, CustodyItem.Origin origin, long number) {
        GeometryRules.check("foundAt", d.foundAt(), Set.of("Point"));
        if (d.quantity().signum() <= 0) {
            throw new RuleViolated("quantity", Refusals.QUANTITY_MUST_MORE_ZERO);
        }
        if (d.unit() == CustodyItem.Unit.PIECES || d.unit() == CustodyItem.Unit.ROUNDS) {
            if (d.quantity().stripTrailingZeros().scale() > 0) {
                throw new RuleViolated(
                        "quantity",
                        d.unit() == CustodyItem.Unit.PIECES
                                ? Refusals.PIECES_COUNTED_WHOLE
                                : Refusals.ROUNDS_COUNTED_WHOLE);
            }
        }
        notInFuture("foundTime", d.foundTime());
        if (d.hazardCode() != null
                && d.category() != CustodyItem.Category.AMMUNITION
                && d.category() != CustodyItem.Category.EXPLOSIVE) {
            throw new RuleViolated("hazardCode", Refusals.UN_HAZARD_CODE_AMMUNITION_EXPLOSIVES);
        }
        if (d.category() == CustodyItem.Category.WEAPON && d.serialNumber() == null && d.markings() == null) {
            throw new RuleViolated("serialNumber", Refusals.RECORD_WEAPON_S_SERIAL_NUMBER);
        }
        return new CustodyItem(
                site.regionCode() + "-CI-" + String.format("%05d", number), site.regionCode(), d, origin, site.id());
    }

    private CustodyItem store(CustodyItem item, Holding holding, Map<String, ?> context) {
        StorageSite site = holding.site;
        holding.refusal(item).ifPresent(why -> {
            throw new RuleViolated("siteId", why);
        });
        CustodyItem saved = items.saveAndFlush(item);
        holding.took(saved);
        Map<String, @Nullable Object> payload = new LinkedHashMap<>();
        payload.put("reference", saved.reference());
        payload.put("category", saved.category().name());
        payload.put("description", saved.description());
        payload.put("typeModel", saved.typeModel());
        payload.put("manufacturer", saved.manufacturer());
        payload.put("countryOfManufacture", saved.countryOfManufacture());
        payload.put("calibre", saved.calibre());
        payload.put("serialNumber", saved.serialNumber());
        payload.put("markings", saved.markings());
        payload.put("lot", saved.lot());
        payload.put("quantity", saved.quantity().toPlainString());
        payload.put("unit", saved.unit().name());
        payload.put("hazardCode", saved.hazardCode());
        payload.put("condition", saved.condition().name());
        payload.put("foundBy", saved.foundBy());
        payload.put("origin", saved.origin().name());
        payload.put("foundAt", saved.foundAt().toText());
        payload.put("foundTime", saved.foundTime().toString());
        if (!saved.foundTimeKnown()) {
            payload.put("foundTimeKnown", false);
        }
        payload.put("site", site.id());
        payload.putAll(context);
        ledger.append(saved.id(), CustodyLedger.Kind.REGISTERED, payload);
        return saved;
    }

    /**
     * What a site holds, read once for a transaction that stores one item or several (a surrender) and kept
     * current as each is stored. The count is the site row's own ({@code held_items}, kept by the database as
     * items come and go), read by the statement that locks the row ({@link #writableSite}), so no other write
     * adds to the site until this transaction ends; counting the site's items instead took longer as it filled.
     */
    private final class Holding {
        private final StorageSite site;
        private long held;
        /** Read when the first hazardous item is judged: an item without a hazard code needs only the count. */
        private @Nullable List<StorageSite.HeldHazard> hazards;

        Holding(StorageSite.Locked locked) {
            this(locked.site(), locked.held());
        }

        Holding(StorageSite site, long held) {
            this.site = site;
            this.held = held;
        }

        java.util.Optional<Reason> refusal(CustodyItem item) {
            List<StorageSite.HeldHazard> known = hazards;
            if (known == null && item.hazardCode() != null) {
                known = new ArrayList<>(items.hazardsHeldAt(site.id()));
                hazards = known;
            }
            return site.refusal(item, held, known == null ? List.of() : known);
        }

        /**
         * Counts an item just stored. Its hazard is kept only when the hazards were read; read later, they
         * include it, as it is flushed before another item is judged.
         */
        void took(CustodyItem item) {
            held++;
            String code = item.hazardCode();
            List<StorageSite.HeldHazard> hazards = this.hazards;
            if (code != null
                    && hazards != null
                    && hazards.stream()
                            .noneMatch(h -> h.hazardCode().equals(code)
                                    && java.util.Objects.equals(h.typeModel(), item.typeModel()))) {
                hazards.add(new StorageSite.HeldHazard(item.reference(), code, item.typeModel()));
            }
        }
    }

    /** The item, locked first so that a second change waits and then sees the first one's outcome. */
    private CustodyItem lockedWritable(Scope scope, long itemId) {
        requireRegister(scope);
        CustodyItem item = items.lockById(itemId)
                .filter(i -> scope.reads(i.regionCode()))
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_CUSTODY_ITEM, itemId));
        scope.requireWrites(item.regionCode());
        return item;
    }

    /**
     * The site, locked until the transaction ends, for a write that puts items in it. Lock order: an item's
     * register row (when the item exists already, as in a receipt), then the site's row, then the ledger.
     */
    private StorageSite.Locked writableSite(Scope scope, long siteId) {
        StorageSite.Locked site = sites.lockById(siteId)
                .filter(s -> scope.reads(s.site().regionCode()))
                .orElseThrow(() -> noSiteInScope("siteId", siteId));
        // The site's region exists (a foreign key): only the caller's right to write there is checked, without
        // loading the region and its boundary into the transaction.
        scope.requireWrites(site.site().regionCode());
        return site;
    }

    /** The one refusal of a site that is missing or outside the caller's regions: the two read the same. */
    private static RuleViolated noSiteInScope(String field, long siteId) {
        return new RuleViolated(field, Refusals.NO_STORAGE_SITE_IN_YOUR, siteId);
    }

    private String siteRegion(long siteId) {
        return sites.findById(siteId).map(StorageSite::regionCode).orElse("");
    }

    private void requireRegister(Scope scope) {
        if (scope.role() == Role.PARTNER) {
            throw new AccessDeniedException("partners see aggregate counts of custody items only");
        }
    }

    private void requireFull(Scope scope, @Nullable String regionCode) {
        requireRegister(scope);
        if (regionCode != null && visibility(scope, regionCode) != Visibility.FULL) {
            throw new AccessDeniedException("surrender batches and receipts need a custody role of the region");
        }
        if (!seesSerials(scope)) {
            throw new AccessDeniedException("surrender batches and receipts need a custody role");
        }
    }

    /** Whether the caller holds a custody role somewhere (administrator, director, officer). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public boolean seesSerials(Scope scope) {
        return scope.isAdmin() || scope.role() == Role.DIRECTOR || scope.role() == Role.OFFICER;
    }

    private static @Nullable String normalised(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip().toUpperCase(Locale.ROOT);
    }

    private static void notInFuture(String field, Instant at) {
        if (at.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated(field, Refusals.TIME_FUTURE);
        }
    }
}
