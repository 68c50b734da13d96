package org.custodian.custody;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replays the custody ledger and compares each item's state as its events describe it (what it is, its
 * serial and markings, its status, its site, its region and its holder) with the register, so a register row
 * changed behind the application's back is named even though no event was touched. Attributes an item's
 * first event does not carry (older events carry fewer) are not compared.
 */
final class RegisterReplay {

    /** Register columns and the payload attribute of the registration event that must equal them. */
    private static final Map<String, String> REGISTERED = new LinkedHashMap<>();

    static {
        REGISTERED.put("reference", "reference");
        REGISTERED.put("category", "category");
        REGISTERED.put("description", "description");
        REGISTERED.put("typeModel", "type_model");
        REGISTERED.put("manufacturer", "manufacturer");
        REGISTERED.put("countryOfManufacture", "country_of_manufacture");
        REGISTERED.put("calibre", "calibre");
        REGISTERED.put("serialNumber", "serial_number");
        REGISTERED.put("markings", "markings");
        REGISTERED.put("lot", "lot");
        REGISTERED.put("unit", "unit");
        REGISTERED.put("hazardCode", "hazard_code");
        REGISTERED.put("condition", "item_condition");
        REGISTERED.put("foundBy", "found_by");
        REGISTERED.put("origin", "origin");
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** An item as its events leave it. */
    private static final class Replayed {
        final Map<String, @Nullable String> attributes = new HashMap<>();

        @Nullable
        BigDecimal quantity;

        String status = CustodyItem.Status.IN_CUSTODY.name();

        @Nullable
        Long site;

        @Nullable
        Long lastSite;

        @Nullable
        Long holder;
    }

    private RegisterReplay() {}

    /** Every difference, items in id order; empty when the register is what the ledger says. */
    static List<CustodyLedger.Difference> differences(JdbcTemplate jdbc) {
        Map<Long, Replayed> items = new HashMap<>();
        // Events not yet linked follow the linked ones, in the order they were written: the same snapshot holds
        // the register rows their changes committed with.
        jdbc.query(
                "select item_id, kind, payload from (select item_id, kind, payload, 0 as pending, seq as n"
                        + " from custody_event union all select item_id, kind, payload, 1, id"
                        + " from custody_event_pending) e order by pending, n",
                (RowCallbackHandler) rs -> {
                    Replayed item = items.computeIfAbsent(rs.getLong(1), id -> new Replayed());
                    apply(item, CustodyLedger.Kind.valueOf(rs.getString(2).strip()), JSON.readTree(rs.getString(3)));
                });
        Map<Long, String> siteRegions = new HashMap<>();
        jdbc.query("select id, region_code from custody_site", (RowCallbackHandler)
                rs -> siteRegions.put(rs.getLong(1), rs.getString(2)));
        List<CustodyLedger.Difference> differences = new ArrayList<>();
        jdbc.query(
                "select id, reference, region_code, category, description, type_model, manufacturer,"
                        + " country_of_manufacture, calibre, serial_number, markings, lot, quantity, unit, hazard_code,"
                        + " item_condition, found_by, origin, site_id, holder_agency_id, status from custody_item"
                        + " order by id",
                (RowCallbackHandler) rs -> {
                    long id = rs.getLong("id");
                    Replayed replayed = items.remove(id);
                    if (replayed == null) {
                        differences.add(difference(rs, "record", "present", null));
                        return;
                    }
                    compare(rs, replayed, siteRegions, differences);
                });
        items.keySet().stream()
                .sorted()
                .forEach(id -> differences.add(new CustodyLedger.Difference(
                        id,
                        String.valueOf(items.get(id).attributes.getOrDefault("reference", "#" + id)),
                        items.get(id).lastSite == null ? "" : siteRegions.getOrDefault(items.get(id).lastSite, ""),
                        "record",
                        null,
                        "present")));
        return differences;
    }

    private static void apply(Replayed item, CustodyLedger.Kind kind, JsonNode payload) {
        switch (kind) {
            case REGISTERED -> {
                REGISTERED.keySet().forEach(attribute -> {
                    if (payload.has(attribute)) {
                        JsonNode value = payload.get(attribute);
                        item.attributes.put(attribute, value.isNull() ? null : value.asString());
                    }
                });
                if (payload.hasNonNull("quantity")) {
                    item.quantity = new BigDecimal(payload.get("quantity").asString());
                }
                item.status = CustodyItem.Status.IN_CUSTODY.name();
                item.site = payload.get("site").asLong();
                item.lastSite = item.site;
            }
            case DISPATCHED -> item.status = CustodyItem.Status.IN_TRANSIT.name();
            case RECEIVED -> {
                item.status = CustodyItem.Status.IN_CUSTODY.name();
                item.site = payload.get("site").asLong();
                item.lastSite = item.site;
            }
            case HANDED_OVER -> {
                item.status = CustodyItem.Status.TRANSFERRED_OUT.name();
                item.site = null;
                item.holder = payload.get("agency").asLong();
            }
            case DESTROYED -> {
                item.status = CustodyItem.Status.DESTROYED.name();
                item.site = null;
            }
            case RELEASED -> {
                item.status = CustodyItem.Status.RELEASED.name();
                item.site = null;
            }
        }
    }

    private static void compare(
            ResultSet rs, Replayed item, Map<Long, String> siteRegions, List<CustodyLedger.Difference> out)
            throws SQLException {
        for (var attribute : REGISTERED.entrySet()) {
            if (item.attributes.containsKey(attribute.getKey())) {
                String register = rs.getString(attribute.getValue());
                String ledger = item.attributes.get(attribute.getKey());
                if (!Objects.equals(register == null ? null : register.strip(), ledger)) {
                    out.add(difference(rs, attribute.getKey(), register, ledger));
                }
            }
        }
        BigDecimal quantity = rs.getBigDecimal("quantity");
        if (item.quantity != null && (quantity == null || quantity.compareTo(item.quantity) != 0)) {
            out.add(difference(
                    rs,
                    "quantity",
                    quantity == null ? null : quantity.stripTrailingZeros().toPlainString(),
                    item.quantity.toPlainString()));
        }
        same(rs, out, "status", rs.getString("status"), item.status);
        same(rs, out, "site", text(rs.getObject("site_id")), text(item.site));
        same(rs, out, "holder agency", text(rs.getObject("holder_agency_id")), text(item.holder));
        if (item.lastSite != null) {
            same(rs, out, "region", rs.getString("region_code"), siteRegions.get(item.lastSite));
        }
    }

    private static void same(
            ResultSet rs,
            List<CustodyLedger.Difference> out,
            String attribute,
            @Nullable String register,
            @Nullable String ledger)
            throws SQLException {
        if (!Objects.equals(register == null ? null : register.strip(), ledger)) {
            out.add(difference(rs, attribute, register, ledger));
        }
    }

    private static CustodyLedger.Difference difference(
            ResultSet rs, String attribute, @Nullable String register, @Nullable String ledger) throws SQLException {
        return new CustodyLedger.Difference(
                rs.getLong("id"), rs.getString("reference"), rs.getString("region_code"), attribute, register, ledger);
    }

    private static @Nullable String text(@Nullable Object id) {
        return id == null ? null : String.valueOf(((Number) id).longValue());
    }
}
