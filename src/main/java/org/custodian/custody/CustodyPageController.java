package org.custodian.custody;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Callers;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.PageForms;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Agency;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages: the register (counts only for partners), an item with its timeline, a site with its contents and
 * compatibility, a surrender batch with its receipt.
 */
@Controller
class CustodyPageController {

    private final Custody custody;
    private final Territory territory;
    private final Callers callers;

    CustodyPageController(Custody custody, Territory territory, Callers callers) {
        this.custody = custody;
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/custody")
    String register(
            @RequestParam(required = false) @Nullable String region,
            @RequestParam(required = false) CustodyItem.@Nullable Category category,
            @RequestParam(required = false) CustodyItem.@Nullable Status status,
            @RequestParam(required = false) @Nullable String q,
            Model model) {
        Scope scope = callers.current();
        String selected = region == null || region.isBlank() ? null : region;
        model.addAttribute("counts", custody.counts(scope, selected));
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("region", selected);
        model.addAttribute("categories", CustodyItem.Category.values());
        model.addAttribute("statuses", CustodyItem.Status.values());
        model.addAttribute("category", category);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        boolean countsOnly = scope.role() == Role.PARTNER;
        model.addAttribute("countsOnly", countsOnly);
        model.addAttribute("canRegister", territory.regions().stream().anyMatch(r -> scope.writes(r.code())));
        if (!countsOnly) {
            boolean serials = custody.seesSerials(scope);
            String search = serials ? q : null;
            model.addAttribute("serials", serials);
            model.addAttribute(
                    "items",
                    custody.items(scope, new Custody.ItemQuery(selected, category, status, null, null, search)));
            model.addAttribute("sites", sitesById(scope));
            model.addAttribute("siteList", custody.sites(scope, selected));
            model.addAttribute("batches", serials ? custody.batches(scope) : List.of());
        }
        return "custody/register";
    }

    /** What the new item page sends; kept as typed so a refused form comes back filled in. */
    record ItemForm(
            @Nullable Long siteId,
            CustodyItem.@Nullable Origin origin,
            CustodyItem.@Nullable Category category,
            @Nullable String description,
            @Nullable String typeModel,
            @Nullable String manufacturer,
            @Nullable String countryOfManufacture,
            @Nullable String calibre,
            @Nullable String serialNumber,
            @Nullable String markings,
            @Nullable String lot,
            @Nullable BigDecimal quantity,
            CustodyItem.@Nullable Unit unit,
            @Nullable String hazardCode,
            CustodyItem.@Nullable Condition condition,
            @Nullable Double longitude,
            @Nullable Double latitude,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate foundOn,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
            LocalTime foundTime,

            @Nullable String foundBy)
            implements java.io.Serializable {

        static ItemForm empty() {
            return new ItemForm(
                    null,
                    CustodyItem.Origin.FIND,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    BigDecimal.ONE,
                    CustodyItem.Unit.PIECES,
                    null,
                    CustodyItem.Condition.UNKNOWN,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        Custody.ItemDraft draft(ZoneId zone) {
            if (category == null
                    || description == null
                    || description.isBlank()
                    || quantity == null
                    || unit == null
                    || foundOn == null
                    || foundBy == null
                    || foundBy.isBlank()) {
                throw new RuleViolated("item", Refusals.GIVE_CATEGORY_DESCRIPTION_QUANTITY_UNIT);
            }
            if (longitude == null || latitude == null) {
                throw new RuleViolated("foundAt", CommonRefusals.PLACE_FIND_MAP_GIVE_LONGITUDE);
            }
            return new CustodyController.ItemInput(
                            category,
                            description,
                            typeModel,
                            manufacturer,
                            countryOfManufacture,
                            calibre,
                            serialNumber,
                            markings,
                            lot,
                            quantity,
                            unit,
                            hazardCode,
                            condition,
                            Wgs84.point(longitude, latitude),
                            null,
                            foundOn,
                            foundBy)
                    .draft(RegionTimes.moment(foundOn, foundTime, zone), foundTime != null);
        }
    }

    @GetMapping("/custody/items/new")
    String newItem(Model model) {
        Scope scope = callers.current();
        territory.writableRegions(scope);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ItemForm.empty());
        }
        model.addAttribute(
                "siteList",
                custody.sites(scope, null).stream()
                        .filter(s -> scope.writes(s.regionCode()))
                        .toList());
        model.addAttribute("origins", List.of(CustodyItem.Origin.FIND, CustodyItem.Origin.SEIZURE));
        model.addAttribute("categories", CustodyItem.Category.values());
        model.addAttribute("units", CustodyItem.Unit.values());
        model.addAttribute("conditions", CustodyItem.Condition.values());
        return "custody/new";
    }

    /** Registers an item found or seized from the new item page, then shows it. */
    @PostMapping("/custody/items")
    String registerItem(ItemForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/custody/items/new", redirect, "form", form, () -> {
            if (form.siteId() == null || form.origin() == null) {
                throw new RuleViolated("siteId", Refusals.CHOOSE_STORAGE_SITE_WHETHER_ITEM);
            }
            Scope scope = callers.current();
            StorageSite site = custody.site(scope, form.siteId());
            ZoneId zone = territory.region(site.regionCode()).zone();
            CustodyItem item = custody.register(scope, form.draft(zone), form.origin(), form.siteId());
            return "/custody/items/" + item.id();
        });
    }

    /** What the new site page sends. */
    record SiteForm(
            @Nullable String name,
            @Nullable String regionCode,
            @Nullable Integer capacity,
            @Nullable Long keeperAgencyId,
            @Nullable Double longitude,
            @Nullable Double latitude)
            implements java.io.Serializable {

        static SiteForm empty() {
            return new SiteForm(null, null, null, null, null, null);
        }

        Custody.SiteDraft draft() {
            if (name == null || name.isBlank() || regionCode == null || regionCode.isBlank()) {
                throw new RuleViolated("name", Refusals.GIVE_SITE_S_NAME_REGION);
            }
            if (capacity == null || keeperAgencyId == null) {
                throw new RuleViolated("capacity", Refusals.GIVE_CAPACITY_AGENCY_KEEPS_SITE);
            }
            if (longitude == null || latitude == null) {
                throw new RuleViolated("location", Refusals.PLACE_SITE_MAP_GIVE_LONGITUDE);
            }
            return new Custody.SiteDraft(
                    name, regionCode, null, Wgs84.point(longitude, latitude), capacity, keeperAgencyId);
        }
    }

    @GetMapping("/custody/sites/new")
    String newSite(Model model) {
        Scope scope = callers.current();
        model.addAttribute("regions", territory.writableRegions(scope));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SiteForm.empty());
        }
        model.addAttribute("agencyList", territory.agencies());
        return "custody/site-new";
    }

    /** Creates a storage site from the new site page, then shows it. */
    @PostMapping("/custody/sites")
    String createSite(SiteForm form, RedirectAttributes redirect) {
        return PageForms.attempt(
                "/custody/sites/new",
                redirect,
                "form",
                form,
                () -> "/custody/sites/"
                        + custody.createSite(callers.current(), form.draft()).id());
    }

    /** One item of a surrender as the batch page lists it; a row left empty is no item. */
    record BatchItemForm(
            CustodyItem.@Nullable Category category,
            @Nullable String description,
            @Nullable String typeModel,
            @Nullable String calibre,
            @Nullable String serialNumber,
            @Nullable String markings,
            @Nullable BigDecimal quantity,
            CustodyItem.@Nullable Unit unit,
            @Nullable String hazardCode,
            CustodyItem.@Nullable Condition condition)
            implements java.io.Serializable {

        boolean blank() {
            return category == null && (description == null || description.isBlank());
        }
    }

    /** What the surrender page sends: the party, the place and time, the witnesses and the items. */
    record BatchForm(
            @Nullable String regionCode,
            @Nullable Long siteId,
            @Nullable String party,
            @Nullable String receivingOfficer,
            @Nullable String witnesses,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate receivedOn,

            @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.TIME)
            LocalTime receivedTime,

            @Nullable Double longitude,
            @Nullable Double latitude,
            @Nullable List<BatchItemForm> items)
            implements java.io.Serializable {

        static final int ROWS = 5;

        static BatchForm empty() {
            return new BatchForm(null, null, null, null, null, null, null, null, null, List.of());
        }

        /** The item rows to show: those typed, then empty ones up to five. */
        public List<BatchItemForm> rows() {
            List<BatchItemForm> rows = new java.util.ArrayList<>(items == null ? List.of() : items);
            while (rows.size() < ROWS) {
                rows.add(new BatchItemForm(null, null, null, null, null, null, null, null, null, null));
            }
            return rows;
        }

        Custody.BatchDraft draft(ZoneId zone) {
            if (regionCode == null
                    || regionCode.isBlank()
                    || siteId == null
                    || party == null
                    || party.isBlank()
                    || receivingOfficer == null
                    || receivingOfficer.isBlank()
                    || receivedOn == null
                    || receivedTime == null) {
                throw new RuleViolated("batch", Refusals.GIVE_REGION_STORAGE_SITE_SURRENDERED);
            }
            if (longitude == null || latitude == null) {
                throw new RuleViolated("place", Refusals.PLACE_SURRENDER_MAP_GIVE_LONGITUDE);
            }
            Point place = Wgs84.point(longitude, latitude);
            java.time.Instant at = RegionTimes.moment(receivedOn, receivedTime, zone);
            List<Custody.ItemDraft> drafts = new java.util.ArrayList<>();
            for (BatchItemForm row : items == null ? List.<BatchItemForm>of() : items) {
                if (row == null || row.blank()) {
                    continue;
                }
                if (row.category() == null
                        || row.description() == null
                        || row.description().isBlank()
                        || row.quantity() == null
                        || row.unit() == null) {
                    throw new RuleViolated("items[" + drafts.size() + "]", Refusals.GIVE_EACH_ITEM_S_CATEGORY);
                }
                // A surrendered item is found where and when the surrender is received, by the party.
                drafts.add(new CustodyController.ItemInput(
                                row.category(),
                                row.description(),
                                row.typeModel(),
                                null,
                                null,
                                row.calibre(),
                                row.serialNumber(),
                                row.markings(),
                                null,
                                row.quantity(),
                                row.unit(),
                                row.hazardCode(),
                                row.condition(),
                                place,
                                at,
                                null,
                                party)
                        .draft(at, true));
            }
            return new Custody.BatchDraft(
                    regionCode,
                    party,
                    place,
                    at,
                    receivingOfficer,
                    witnesses == null ? List.of() : Arrays.asList(witnesses.split("[\\n;]")),
                    siteId,
                    drafts);
        }
    }

    @GetMapping("/custody/batches/new")
    String newBatch(Model model) {
        Scope scope = callers.current();
        model.addAttribute("regions", territory.writableRegions(scope));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", BatchForm.empty());
        }
        model.addAttribute(
                "siteList",
                custody.sites(scope, null).stream()
                        .filter(s -> scope.writes(s.regionCode()))
                        .toList());
        model.addAttribute("categories", CustodyItem.Category.values());
        model.addAttribute("units", CustodyItem.Unit.values());
        model.addAttribute("conditions", CustodyItem.Condition.values());
        return "custody/batch-new";
    }

    /** Receives a surrender from the surrender page, all its items or none, then shows the batch. */
    @PostMapping("/custody/batches")
    String receiveSurrender(BatchForm form, RedirectAttributes redirect) {
        return PageForms.attempt("/custody/batches/new", redirect, "form", form, () -> {
            if (form.regionCode() == null || form.regionCode().isBlank()) {
                throw new RuleViolated("regionCode", CommonRefusals.CHOOSE_REGION);
            }
            Scope scope = callers.current();
            ZoneId zone = territory.writableRegion(scope, form.regionCode()).zone();
            return "/custody/batches/"
                    + custody.receiveSurrender(scope, form.draft(zone)).id();
        });
    }

    @GetMapping("/custody/items/{id}")
    String item(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        CustodyItem item = custody.item(scope, id);
        boolean full = custody.visibility(scope, item.regionCode()) == Custody.Visibility.FULL;
        model.addAttribute("item", item);
        model.addAttribute("full", full);
        model.addAttribute("history", full ? custody.history(scope, id) : List.of());
        model.addAttribute("transfers", custody.transfers(scope, id));
        model.addAttribute("destruction", custody.destruction(scope, id).orElse(null));
        model.addAttribute("sites", sitesById(scope));
        model.addAttribute("agencies", agencies());
        model.addAttribute("writable", scope.writes(item.regionCode()));
        return "custody/item";
    }

    @GetMapping("/custody/sites/{id}")
    String site(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        Custody.SiteContents contents = custody.contents(scope, id);
        model.addAttribute("contents", contents);
        model.addAttribute("site", contents.site());
        model.addAttribute("full", custody.visibility(scope, contents.site().regionCode()) == Custody.Visibility.FULL);
        model.addAttribute(
                "keeper", territory.agency(contents.site().keeperAgencyId()).name());
        model.addAttribute("accepts", acceptedGroups(contents.codes()));
        model.addAttribute("writable", scope.writes(contents.site().regionCode()));
        return "custody/site";
    }

    @GetMapping("/custody/batches/{id}")
    String batch(@PathVariable long id, Model model) {
        Scope scope = callers.current();
        SurrenderBatch batch = custody.batch(scope, id);
        model.addAttribute("batch", batch);
        model.addAttribute("items", custody.batchItems(scope, id));
        model.addAttribute("site", custody.site(scope, batch.siteId()));
        return "custody/batch";
    }

    @GetMapping("/custody/ledger")
    String verify(Model model) {
        model.addAttribute("verification", custody.verifyLedger(callers.current()));
        return "custody/ledger";
    }

    /** The dispatch form: sends the item to another site or hands it to another agency. */
    @PostMapping("/custody/items/{id}/transfers")
    String dispatch(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable Long toSiteId,
            @RequestParam(required = false) @Nullable Long toAgencyId,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/custody/items/" + id,
                redirect,
                () -> custody.dispatch(callers.current(), id, new Custody.TransferDraft(toSiteId, toAgencyId, null)));
    }

    /** The receipt form on the receiving site's page. */
    @PostMapping("/custody/sites/{site}/receipts")
    String receive(
            @PathVariable long site,
            @RequestParam long transferId,
            @RequestParam BigDecimal quantity,
            @RequestParam(required = false) @Nullable String discrepancy,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/custody/sites/" + site,
                redirect,
                () -> custody.receive(
                        callers.current(), transferId, new Custody.ReceiptDraft(site, null, quantity, discrepancy)));
    }

    @PostMapping("/custody/items/{id}/destruction")
    String destroy(
            @PathVariable long id,
            @RequestParam String method,
            @RequestParam LocalDateTime destroyedAt,
            @RequestParam String witnesses,
            @RequestParam String certificate,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/custody/items/" + id,
                redirect,
                () -> custody.destroy(
                        callers.current(),
                        id,
                        new Custody.DestructionDraft(
                                method,
                                destroyedAt
                                        .atZone(territory
                                                .region(custody.item(callers.current(), id)
                                                        .regionCode())
                                                .zone())
                                        .toInstant(),
                                Arrays.asList(witnesses.split("[\\n;]")),
                                certificate)));
    }

    /** The release form: the item leaves custody (returned, handed to a court) with the reason. */
    @PostMapping("/custody/items/{id}/release")
    String release(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String reason,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/custody/items/" + id,
                redirect,
                () -> custody.release(callers.current(), id, reason == null ? "" : reason));
    }

    private Map<Long, StorageSite> sitesById(Scope scope) {
        return custody.sites(scope, null).stream().collect(Collectors.toMap(StorageSite::id, Function.identity()));
    }

    private Map<Long, Agency> agencies() {
        return territory.agencies().stream().collect(Collectors.toMap(Agency::id, Function.identity()));
    }

    /** The compatibility groups the site may still take, given the codes it holds. */
    static List<Character> acceptedGroups(List<String> held) {
        List<HazardCode> codes = held.stream().map(HazardCode::parse).toList();
        return "ABCDEFGHJKLNS"
                .chars()
                .mapToObj(g -> (char) g)
                .filter(g -> {
                    HazardCode probe = HazardCode.all().stream()
                            .filter(c -> c.group() == g)
                            .findFirst()
                            .orElseThrow();
                    return codes.stream().allMatch(c -> probe.conflictWith(c).isEmpty());
                })
                .toList();
    }
}
