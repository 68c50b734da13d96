package org.custodian.custody;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.custodian.platform.Callers;
import org.custodian.platform.Scope;
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

    CustodyController(Custody custody, ReceiptDocument receipts, Callers callers) {
        this.custody = custody;
        this.receipts = receipts;
        this.callers = callers;
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
            @NotNull Instant foundTime,
            @NotBlank @Size(max = 200) String foundBy) {

        Custody.ItemDraft draft() {
            return draft(true);
        }

        /** The draft, with whether the time of the find is known to the minute or only its day. */
        Custody.ItemDraft draft(boolean foundTimeKnown) {
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
            Instant foundTime,
            String foundBy,
            CustodyItem.Origin origin,
            @Nullable Long batchId,
            @Nullable Long ordnanceFindId,
            @Nullable Long siteId,
            @Nullable Long holderAgencyId,
            CustodyItem.Status status,
            boolean redacted) {

        static ItemView of(CustodyItem i, Custody.Visibility visibility) {
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

    @GetMapping("/api/custody/items/{id}")
    ItemView item(@PathVariable long id) {
        Scope scope = callers.current();
        return view(scope, custody.item(scope, id));
    }

    @PostMapping("/api/custody/items")
    ResponseEntity<ItemView> register(@Valid @RequestBody Registration body) {
        Scope scope = callers.current();
        CustodyItem item = custody.register(scope, body.item().draft(), body.origin(), body.siteId());
        return ResponseEntity.created(URI.create("/api/custody/items/" + item.id()))
                .body(view(scope, item));
    }

    /** The item's timeline: its ledger events, oldest first, each with its hash. */
    @GetMapping("/api/custody/items/{id}/history")
    List<Event> history(@PathVariable long id) {
        return custody.history(callers.current(), id).stream()
                .map(l -> new Event(l.seq(), l.at(), l.actor(), l.kind(), l.payload(), l.previousHash(), l.hash()))
                .toList();
    }

    @PostMapping("/api/custody/items/{id}/transfers")
    ResponseEntity<TransferView> dispatch(@PathVariable long id, @Valid @RequestBody TransferInput body) {
        Transfer transfer = custody.dispatch(
                callers.current(),
                id,
                new Custody.TransferDraft(body.toSiteId(), body.toAgencyId(), body.dispatchedAt()));
        return ResponseEntity.created(URI.create("/api/custody/transfers/" + transfer.id()))
                .body(TransferView.of(transfer));
    }

    @PostMapping("/api/custody/transfers/{id}/receipt")
    TransferView receive(@PathVariable long id, @Valid @RequestBody ReceiptInput body) {
        return TransferView.of(custody.receive(
                callers.current(),
                id,
                new Custody.ReceiptDraft(body.siteId(), body.receivedAt(), body.quantity(), body.discrepancy())));
    }

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

    @PostMapping("/api/custody/items/{id}/release")
    ItemView release(@PathVariable long id, @Valid @RequestBody ReleaseInput body) {
        Scope scope = callers.current();
        return view(scope, custody.release(scope, id, body.reason()));
    }

    // ---- sites

    @GetMapping("/api/custody/sites")
    List<SiteView> sites(@RequestParam(required = false) @Nullable String region) {
        Scope scope = callers.current();
        return custody.sites(scope, region).stream()
                .map(s -> siteView(scope, s, null))
                .toList();
    }

    @GetMapping("/api/custody/sites/{id}")
    SiteView site(@PathVariable long id) {
        Scope scope = callers.current();
        Custody.SiteContents contents = custody.contents(scope, id);
        return siteView(scope, contents.site(), contents);
    }

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

    @GetMapping("/api/custody/batches")
    List<BatchView> batches() {
        Scope scope = callers.current();
        return custody.batches(scope).stream().map(b -> batchView(scope, b)).toList();
    }

    @GetMapping("/api/custody/batches/{id}")
    BatchView batch(@PathVariable long id) {
        Scope scope = callers.current();
        return batchView(scope, custody.batch(scope, id));
    }

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
                        body.items().stream().map(ItemInput::draft).toList()));
        return ResponseEntity.created(URI.create("/api/custody/batches/" + batch.id()))
                .body(batchView(scope, batch));
    }

    /** The printable receipt of a surrender: every item with its serial, for the party and the witnesses. */
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
    @GetMapping("/api/custody/summary")
    List<Custody.Count> summary(@RequestParam(required = false) @Nullable String region) {
        return custody.counts(callers.current(), region);
    }

    /** Recomputes the whole ledger chain; names the first broken link. */
    @GetMapping("/api/custody/verify")
    CustodyLedger.Verification verify() {
        return custody.verifyLedger(callers.current());
    }

    private ItemView view(Scope scope, CustodyItem item) {
        return ItemView.of(item, custody.visibility(scope, item.regionCode()));
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
