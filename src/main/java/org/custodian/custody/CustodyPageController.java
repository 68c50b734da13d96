package org.custodian.custody;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.custodian.territory.Agency;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
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
