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
import org.custodian.platform.PageForms;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Agency;
import org.custodian.territory.RegionTimes;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
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
                throw new RuleViolated(
                        "item",
                        "give the category, a description, the quantity and unit, the day found and who found it");
            }
            if (longitude == null || latitude == null) {
                throw new RuleViolated("foundAt", "place the find on the map or give its longitude and latitude");
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
                throw new RuleViolated("siteId", "choose the storage site and whether the item was found or seized");
            }
            Scope scope = callers.current();
            StorageSite site = custody.site(scope, form.siteId());
            ZoneId zone = territory.region(site.regionCode()).zone();
            CustodyItem item = custody.register(scope, form.draft(zone), form.origin(), form.siteId());
            return "/custody/items/" + item.id();
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
