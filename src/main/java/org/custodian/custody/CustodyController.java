package org.custodian.custody;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.custodian.platform.Callers;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.RegionTimes;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The custody register over HTTP: items, sites, surrender batches, transfers, destruction, the ledger. */
@RestController
class CustodyController {

    private final Custody custody;
    private final ReceiptDocument receipts;
    private final Callers callers;
    private final RegionTimes times;

    CustodyController(Custody custody, ReceiptDocument receipts, Callers callers, RegionTimes times) {
        this.custody = custody;
        this.receipts = receipts;
        this.callers = callers;
        this.times = times;
    }

    /** An item as given: what it is and how it was found. */
    record ItemInput(
            @NotNull CustodyItem.Category category,
            @NotBlank @Size(max = 500) String description,
            @Nullable @Size(max = 200) String typeModel,
            @Nullable @Size(max = 200) String manufacturer,
            @Nullable @Size(max = 100) String countryOfManufacture,
            @Nullable @Size(max = 50) String calibre,
            @Nullable @Size(max = 100) String serialNumber,
            @Nullable @Size(max = 500) String markings,
            @Nullable @Size(max = 100) String lot,
            @NotNull BigDecimal quantity,
            @NotNull CustodyItem.Unit unit,
            @Nullable String hazardCode,
            CustodyItem.@Nullable Condition condition,
            @NotNull Point foundAt,

            @Schema(description = "The moment of the find, when its time is known. Give this or foundOn.") @Nullable
            Instant foundTime,

            @Schema(
                    description = "The day of the find when its time is unknown, as the region's calendar"
                            + " reads it. Kept as that day: stored as noon in the region, with"
                            + " foundTimeKnown false. Give this or foundTime.",
                    example = "2023-10-05")
            @Nullable
            LocalDate foundOn,

            @NotBlank @Size(max = 200) String foundBy) {

        /**
         * The draft of an item found in a region of this zone: at the moment given, or on the day given when
         * its time is unknown, kept as that day (noon in the region) and marked as known only to the day. The
         * zone is asked for only then.
         */
        Custody.ItemDraft draft(Supplier<ZoneId> zone) {
            if ((foundTime == null) == (foundOn == null)) {
                throw new RuleViolated("foundTime", Refusals.GIVE_EITHER_FOUNDTIME_MOMENT_FIND);
            }
            return foundTime != null
                    ? draft(foundTime, true)
                    : draft(RegionTimes.moment(foundOn, null, zone.get()), false);
        }

        /** The draft, with whether the time of the find is known to the minute or only its day. */
        Custody.ItemDraft draft(Instant foundTime, boolean foundTimeKnown) {
            return new Custody.ItemDraft(
                    category,
                    description.strip(),
                    blankToNull(typeModel),
                    blankToNull(manufacturer),
                    blankToNull(countryOfManufacture),
                    blankToNull(calibre),
                    blankToNull(serialNumber),
                    blankToNull(markings),
                    blankToNull(lot),
                    quantity,
                    unit,
                    hazardCode == null || hazardCode.isBlank() ? null : HazardCode.parse(hazardCode),
                    condition,
                    foundAt,
                    foundTime,
                    foundBy.strip(),
                    foundTimeKnown);
        }
    }

    record Registration(
            @NotNull Long siteId,
            @NotNull CustodyItem.Origin origin,
            @NotNull @Valid ItemInput item) {}

    /**
     * An item as the caller may see it: serials, markings, lot and locations are null (and {@code redacted}
     * true) for roles without custody rights in the item's region.
     */
    record ItemView(
            long id,
            long version,
            String reference,
            String regionCode,
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
            @Nullable String hazardCode,
            CustodyItem.Condition condition,
            @Nullable Point foundAt,

            @Schema(description = "The moment of the find; noon in the region when only its day is known")
            Instant foundTime,

            @Schema(description = "False when only the day of the find is known: read foundOn, not foundTime's clock")
            boolean foundTimeKnown,

            @Schema(description = "The day of the find in the region's time zone")
            LocalDate foundOn,

            String foundBy,
            CustodyItem.Origin origin,
            @Nullable Long batchId,
            @Nullable Long ordnanceFindId,
            @Nullable Long siteId,
            @Nullable Long holderAgencyId,
            CustodyItem.Status status,
            boolean redacted) {

        static ItemView of(CustodyItem i, Custody.Visibility visibility, ZoneId zone) {
            boolean full = visibility == Custody.Visibility.FULL;
            return new ItemView(
                    i.id(),
                    i.version(),
                    i.reference(),
                    i.regionCode(),
                    i.category(),
                    i.description(),
                    i.typeModel(),
                    i.manufacturer(),
                    i.countryOfManufacture(),
                    i.calibre(),
                    full ? i.serialNumber() : null,
                    full ? i.markings() : null,
                    full ? i.lot() : null,
                    i.quantity(),
                    i.unit(),
                    i.hazardCode(),
                    i.condition(),
                    full ? i.foundAt() : null,
                    i.foundTime(),
                    i.foundTimeKnown(),
                    LocalDate.ofInstant(i.foundTime(), zone),
                    full ? i.foundBy() : "",
                    i.origin(),
                    i.batchId(),
                    i.ordnanceFindId(),
                    i.siteId(),
                    i.holderAgencyId(),
                    i.status(),
                    !full);
        }
    }

    record SiteInput(
            @NotBlank @Size(max = 200) String name,
            @NotBlank String regionCode,
            @Nullable Long facilityId,
            @NotNull Point location,
            int capacity,
            @NotNull Long keeperAgencyId) {}

    record SiteView(
            long id,
            String name,
            String regionCode,
            @Nullable Long facilityId,
            @Nullable Point location,
            int capacity,
            long keeperAgencyId,
            @Nullable Integer held,
            @Nullable List<String> hazardCodes,
            @Nullable List<ItemView> items) {}

    record BatchInput(
            @NotBlank String regionCode,
            @NotBlank @Size(max = 300) String party,
            @NotNull Point place,
            @NotNull Instant receivedAt,
            @NotBlank @Size(max = 200) String receivingOfficer,
            @NotEmpty List<@NotBlank @Size(max = 200) String> witnesses,
            @NotNull Long siteId,
            @NotEmpty @Size(max = 500) List<@Valid ItemInput> items) {}

    record BatchView(
            long id,
            String reference,
            String regionCode,
            String party,
            Point place,
            Instant receivedAt,
            String receivingOfficer,
            List<String> witnesses,
            long siteId,
            List<ItemView> items) {}

    record TransferInput(
            @Nullable Long toSiteId,
            @Nullable Long toAgencyId,
            @Nullable Instant dispatchedAt) {}

    record ReceiptInput(
            @Nullable Long siteId,
            @Nullable Instant receivedAt,
            @NotNull BigDecimal quantity,
            @Nullable @Size(max = 1000) String discrepancy) {}

    record DestructionInput(
            @NotBlank @Size(max = 200) String method,
            @NotNull Instant destroyedAt,
            @NotEmpty List<@NotBlank String> witnesses,
            @NotBlank @Size(max = 100) String certificate) {}

    record ReleaseInput(@NotBlank @Size(max = 1000) String reason) {}

    record TransferView(
            long id,
            long itemId,
            long fromSiteId,
            @Nullable Long toSiteId,
            @Nullable Long toAgencyId,
            Instant dispatchedAt,
            String dispatchedBy,
            @Nullable Instant receivedAt,
            @Nullable String receivedBy,
            @Nullable BigDecimal receivedQuantity,
            @Nullable String discrepancy,
            Transfer.State state) {

        static TransferView of(Transfer t) {
            return new TransferView(
                    t.id(),
                    t.itemId(),
                    t.fromSiteId(),
                    t.toSiteId(),
                    t.toAgencyId(),
                    t.dispatchedAt(),
                    t.dispatchedBy(),
                    t.receivedAt(),
                    t.receivedBy(),
                    t.receivedQuantity(),
                    t.discrepancy(),
                    t.state());
        }
    }

    record DestructionView(
            long id, long itemId, String method, Instant destroyedAt, List<String> witnesses, String certificate) {}

    record Event(long seq, Instant at, String actor, String kind, String payload, String previousHash, String hash) {}

    // ---- items

    @Operation(
            summary = "List custody items",
            description =
                    "Weapons, ammunition and explosives in custody, filtered by region, category, status, site, serial or text. Serials, markings and places are only for custody roles (administrators, directors and officers of the item's region); others see them as null with redacted true. Partners are refused. Searching by serial needs a custody role (403).")
    @GetMapping("/api/custody/items")
    List<ItemView> items(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) CustodyItem.@Nullable Category category,
            @RequestParam(required = false) CustodyItem.@Nullable Status status,
            @RequestParam(required = false) @Nullable Long site,
            @RequestParam(required = false) @Nullable String serial,
            @RequestParam(required = false) @Nullable String q) {
        Scope scope = callers.current();
        return custody.items(scope, new Custody.ItemQuery(region, category, status, site, serial, q)).stream()
                .map(i -> view(scope, i))
                .toList();
    }

    @Operation(
            summary = "Read a custody item",
            description =
                    "One item in custody: what it is, where it was found, where it is and its status; serials and places only for custody roles of its region. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/custody/items/{id}")
    ItemView item(@PathVariable long id) {
        Scope scope = callers.current();
        return view(scope, custody.item(scope, id));
    }

    @Operation(
            summary = "Register an item in custody",
            description =
                    "Registers a found or seized item at a storage site: category, description, quantity and unit, hazard code, and where and when it was found (foundTime, or foundOn when only the day is known). Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). A site that may not store it, a missing serial for a weapon, an unknown hazard code, or both or neither of foundTime and foundOn are refused with 422.")
    @PostMapping("/api/custody/items")
    ResponseEntity<ItemView> register(@Valid @RequestBody Registration body) {
        Scope scope = callers.current();
        // The site's zone only for a find dated by its day: reading the site costs a transaction of its own.
        CustodyItem item = custody.register(
                scope, body.item().draft(() -> siteZone(scope, body.siteId())), body.origin(), body.siteId());
        return ResponseEntity.created(URI.create("/api/custody/items/" + item.id()))
                .body(view(scope, item));
    }

    /** The item's timeline: its ledger events, oldest first, each with its hash. */
    @Operation(
            summary = "Read an item's custody history",
            description =
                    "The item's ledger events, oldest first, each with the hash that chains it to the one before. Only custody roles of the item's region may call it (403 for others).")
    @GetMapping("/api/custody/items/{id}/history")
    List<Event> history(@PathVariable long id) {
        return custody.history(callers.current(), id).stream()
                .map(l -> new Event(l.seq(), l.at(), l.actor(), l.kind(), l.payload(), l.previousHash(), l.hash()))
                .toList();
    }

    @Operation(
            summary = "Dispatch an item to another site",
            description =
                    "Starts a transfer of an item to another storage site or agency; the item is in transit until received. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An item not held, already in transit, destroyed or released is refused with 409.")
    @PostMapping("/api/custody/items/{id}/transfers")
    ResponseEntity<TransferView> dispatch(@PathVariable long id, @Valid @RequestBody TransferInput body) {
        Transfer transfer = custody.dispatch(
                callers.current(),
                id,
                new Custody.TransferDraft(body.toSiteId(), body.toAgencyId(), body.dispatchedAt()));
        return ResponseEntity.created(URI.create("/api/custody/transfers/" + transfer.id()))
                .body(TransferView.of(transfer));
    }

    @Operation(
            summary = "Receive a transferred item",
            description =
                    "Confirms a transfer's arrival at its destination, with who received it and when. Custody roles of the destination's region may call it (403 for others). A transfer already received is refused with 409.")
    @PostMapping("/api/custody/transfers/{id}/receipt")
    TransferView receive(@PathVariable long id, @Valid @RequestBody ReceiptInput body) {
        return TransferView.of(custody.receive(
                callers.current(),
                id,
                new Custody.ReceiptDraft(body.siteId(), body.receivedAt(), body.quantity(), body.discrepancy())));
    }

    @Operation(
            summary = "Record an item's destruction",
            description =
                    "Records that an item was destroyed: when, how, by whom and the witnesses. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An item in transit, already destroyed or released is refused with 409.")
    @PostMapping("/api/custody/items/{id}/destruction")
    ResponseEntity<DestructionView> destroy(@PathVariable long id, @Valid @RequestBody DestructionInput body) {
        Destruction destruction = custody.destroy(
                callers.current(),
                id,
                new Custody.DestructionDraft(body.method(), body.destroyedAt(), body.witnesses(), body.certificate()));
        return ResponseEntity.status(201)
                .body(new DestructionView(
                        destruction.id(),
                        destruction.itemId(),
                        destruction.method(),
                        destruction.destroyedAt(),
                        destruction.witnesses(),
                        destruction.certificate()));
    }

    @Operation(
            summary = "Release an item from custody",
            description =
                    "Releases an item (returned to its owner, handed to a court), with the reason, which is required. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An item not held is refused with 409.")
    @PostMapping("/api/custody/items/{id}/release")
    ItemView release(@PathVariable long id, @Valid @RequestBody ReleaseInput body) {
        Scope scope = callers.current();
        return view(scope, custody.release(scope, id, body.reason()));
    }

    // ---- sites

    @Operation(
            summary = "List storage sites",
            description =
                    "Storage sites with their capacity and what they hold; places only for custody roles. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/custody/sites")
    List<SiteView> sites(@RequestParam(required = false) @Nullable String region) {
        Scope scope = callers.current();
        return custody.sites(scope, region).stream()
                .map(s -> siteView(scope, s, null))
                .toList();
    }

    @Operation(
            summary = "Read a storage site",
            description =
                    "One storage site with its capacity and contents. Anyone signed in may call it for a record in their regions; a record elsewhere answers 404, as if it did not exist.")
    @GetMapping("/api/custody/sites/{id}")
    SiteView site(@PathVariable long id) {
        Scope scope = callers.current();
        Custody.SiteContents contents = custody.contents(scope, id);
        return siteView(scope, contents.site(), contents);
    }

    @Operation(
            summary = "Create a storage site",
            description =
                    "Creates a storage site of a region with its place, capacity and keeper agency. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). An invalid or out-of-region geometry is refused with 422 naming the reason. A site outside its region or without room is refused with 422; a name already taken with 409.")
    @PostMapping("/api/custody/sites")
    ResponseEntity<SiteView> createSite(@Valid @RequestBody SiteInput body) {
        Scope scope = callers.current();
        StorageSite site = custody.createSite(
                scope,
                new Custody.SiteDraft(
                        body.name(),
                        body.regionCode(),
                        body.facilityId(),
                        body.location(),
                        body.capacity(),
                        body.keeperAgencyId()));
        return ResponseEntity.created(URI.create("/api/custody/sites/" + site.id()))
                .body(siteView(scope, site, null));
    }

    // ---- surrender batches

    @Operation(
            summary = "List surrender batches",
            description =
                    "Voluntary surrenders received, each with its items. Only custody roles may call it (403 for others); it answers only the caller's regions.")
    @GetMapping("/api/custody/batches")
    List<BatchView> batches() {
        Scope scope = callers.current();
        return custody.batches(scope).stream().map(b -> batchView(scope, b)).toList();
    }

    @Operation(
            summary = "Read a surrender batch",
            description =
                    "One surrender batch: the party, place, time, officer, witnesses and items. Only custody roles of its region may call it.")
    @GetMapping("/api/custody/batches/{id}")
    BatchView batch(@PathVariable long id) {
        Scope scope = callers.current();
        return batchView(scope, custody.batch(scope, id));
    }

    @Operation(
            summary = "Receive a surrender",
            description =
                    "Records a voluntary surrender received from a party, with the witnesses and every item, all at once or nothing; each item gives foundTime, or foundOn when only its day is known. Administrators, and directors and officers of the record's region, may call it; other roles and other regions are refused (403, or 404 for a record outside the caller's regions). Any invalid item is refused with 422, naming it, and nothing is written.")
    @PostMapping("/api/custody/batches")
    ResponseEntity<BatchView> receiveSurrender(@Valid @RequestBody BatchInput body) {
        Scope scope = callers.current();
        SurrenderBatch batch = custody.receiveSurrender(
                scope,
                new Custody.BatchDraft(
                        body.regionCode(),
                        body.party(),
                        body.place(),
                        body.receivedAt(),
                        body.receivingOfficer(),
                        body.witnesses(),
                        body.siteId(),
                        body.items().stream()
                                .map(i -> i.draft(() -> times.zone(body.regionCode())))
                                .toList()));
        return ResponseEntity.created(URI.create("/api/custody/batches/" + batch.id()))
                .body(batchView(scope, batch));
    }

    /** The printable receipt of a surrender: every item with its serial, for the party and the witnesses. */
    @Operation(
            summary = "Print a surrender receipt",
            description =
                    "The printable receipt of a surrender, as PDF in the caller's language: every item with its serial, for the party and the witnesses. Only custody roles of the batch's region may call it.")
    @GetMapping(path = "/api/custody/batches/{id}/receipt.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> receipt(@PathVariable long id) {
        Scope scope = callers.current();
        SurrenderBatch batch = custody.batch(scope, id);
        byte[] pdf = receipts.render(batch, custody.batchItems(scope, id), custody.site(scope, batch.siteId()));
        return ResponseEntity.ok()
                .header("Content-Disposition", "inline; filename=\"" + batch.reference() + "-receipt.pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(pdf);
    }

    // ---- aggregates and the ledger

    /** Counts by region, category and status: what partners may see. */
    @Operation(
            summary = "Count items in custody",
            description =
                    "Counts of items by region, category and status: the one custody view partners may see. Anyone signed in may call it; it answers only what lies in the caller's regions (administrators see every region).")
    @GetMapping("/api/custody/summary")
    List<Custody.Count> summary(@RequestParam(required = false) @Nullable String region) {
        return custody.counts(callers.current(), region);
    }

    /** Recomputes the whole ledger chain; names the first broken link. */
    @Operation(
            summary = "Verify the custody ledger",
            description =
                    "Recomputes the whole custody ledger's hash chain and names the first broken link, if any. Only custody roles may call it (403 for others).")
    @GetMapping("/api/custody/verify")
    CustodyLedger.Verification verify() {
        return custody.verifyLedger(callers.current());
    }

    /**
     * The zone of the site's region, to keep a day given without its time as that day there. A site the caller
     * may not see gives UTC: registering refuses it then, in the same words as a site that does not exist.
     */
    private ZoneId siteZone(Scope scope, long siteId) {
        try {
            return times.zone(custody.site(scope, siteId).regionCode());
        } catch (RuntimeException notVisible) {
            return java.time.ZoneOffset.UTC;
        }
    }

    private ItemView view(Scope scope, CustodyItem item) {
        return ItemView.of(item, custody.visibility(scope, item.regionCode()), times.zone(item.regionCode()));
    }

    private SiteView siteView(Scope scope, StorageSite s, Custody.@Nullable SiteContents contents) {
        boolean full = custody.visibility(scope, s.regionCode()) == Custody.Visibility.FULL;
        return new SiteView(
                s.id(),
                s.name(),
                s.regionCode(),
                s.facilityId(),
                full ? s.location() : null,
                s.capacity(),
                s.keeperAgencyId(),
                contents == null ? null : contents.held().size(),
                contents == null ? null : contents.codes(),
                contents == null
                        ? null
                        : contents.held().stream().map(i -> view(scope, i)).toList());
    }

    private BatchView batchView(Scope scope, SurrenderBatch b) {
        return new BatchView(
                b.id(),
                b.reference(),
                b.regionCode(),
                b.party(),
                b.place(),
                b.receivedAt(),
                b.receivingOfficer(),
                b.witnesses(),
                b.siteId(),
                custody.batchItems(scope, b.id()).stream()
                        .map(i -> view(scope, i))
                        .toList());
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
