package org.custodian.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.custodian.custody.Custody;
import org.custodian.custody.CustodyItem.Category;
import org.custodian.custody.CustodyItem.Condition;
import org.custodian.custody.CustodyItem.Unit;
import org.custodian.custody.HazardCode;
import org.custodian.custody.StorageSite;
import org.custodian.geo.Wgs84;
import org.custodian.mineaction.Contamination;
import org.custodian.mineaction.MineAction;
import org.custodian.mineaction.OrdnanceFind;
import org.custodian.platform.Scope;
import org.custodian.territory.Agency;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The custody part of the demo, all illustrative: three storage sites, a surrender batch received the day
 * after the 2023-09-20 ceasefire (armed formations were to lay down weapons and surrender equipment, in
 * coordination with the peacekeepers: scenario facts, S-MFA), and two ordnance finds on the Ahmadbayli-Fuzuli
 * highway that mine action moves to custody, which reach the register through the domain event.
 */
@Component
@Order(50)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class CustodyDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");
    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

    private final Custody custody;
    private final MineAction mineAction;
    private final Territory territory;
    private final TransactionTemplate transaction;

    CustodyDemo(Custody custody, MineAction mineAction, Territory territory, TransactionTemplate transaction) {
        this.custody = custody;
        this.mineAction = mineAction;
        this.territory = territory;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty() || !custody.sites(LOADER, null).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        // After the commit, so that mine action's events reach custody with the sites in place.
        transaction.executeWithoutResult(status -> ordnanceFinds());
    }

    void load() {
        long mia = agency("Ministry of Internal Affairs");
        long mod = agency("Ministry of Defense");
        StorageSite khojaly = custody.createSite(
                LOADER,
                new Custody.SiteDraft(
                        "Khojaly weapons collection point (illustrative)",
                        "KHJ",
                        null,
                        Wgs84.point(46.795, 39.915),
                        500,
                        mia));
        // A second site in Khojaly, so that its staff can move an item from one site to another.
        custody.createSite(
                LOADER,
                new Custody.SiteDraft(
                        "Police armoury of Khojaly (illustrative)", "KHJ", null, Wgs84.point(46.788, 39.911), 50, mia));
        custody.createSite(
                LOADER,
                new Custody.SiteDraft(
                        "Aghdam ammunition magazine (illustrative)",
                        "AGD",
                        null,
                        Wgs84.point(46.940, 39.985),
                        200,
                        mod));
        custody.createSite(
                LOADER,
                new Custody.SiteDraft(
                        "Fuzuli EOD holding store (illustrative)", "FZL", null, Wgs84.point(47.150, 39.605), 100, mod));

        Instant received = LocalDateTime.of(2023, 9, 21, 11, 30).atZone(BAKU).toInstant();
        Point place = Wgs84.point(46.792, 39.914);
        custody.receiveSurrender(
                LOADER,
                new Custody.BatchDraft(
                        "KHJ",
                        "Armed formation handing in weapons after the ceasefire (illustrative)",
                        place,
                        received,
                        "Duty officer of the Khojaly administration (illustrative)",
                        List.of(
                                "Liaison officer of the peacekeeping contingent (illustrative)",
                                "Community witness (illustrative)"),
                        khojaly.id(),
                        List.of(
                                weapon("Assault rifle", "AKM", "7.62x39 mm", "ILL-AKM-10231", place, received),
                                weapon("Assault rifle", "AKM", "7.62x39 mm", "ILL-AKM-10577", place, received),
                                weapon("Assault rifle", "AK-74", "5.45x39 mm", "ILL-AK74-88102", place, received),
                                weapon(
                                        "General-purpose machine gun",
                                        "PKM",
                                        "7.62x54R mm",
                                        "ILL-PKM-4410",
                                        place,
                                        received),
                                item(
                                        Category.AMMUNITION,
                                        "Cartridges in sealed tins",
                                        "7.62x39 mm ball",
                                        null,
                                        "ILL-LOT-57-86",
                                        new BigDecimal("2400"),
                                        Unit.ROUNDS,
                                        HazardCode.parse("1.4S"),
                                        place,
                                        received),
                                item(
                                        Category.AMMUNITION,
                                        "Anti-tank rocket grenades",
                                        "PG-7V",
                                        null,
                                        "ILL-LOT-12-89",
                                        new BigDecimal("12"),
                                        Unit.PIECES,
                                        HazardCode.parse("1.1E"),
                                        place,
                                        received),
                                item(
                                        Category.MILITARY_EQUIPMENT,
                                        "Armoured personnel carrier, tracks damaged",
                                        "BTR-80",
                                        "ILL-BTR-00317",
                                        null,
                                        BigDecimal.ONE,
                                        Unit.PIECES,
                                        null,
                                        place,
                                        received))));
    }

    void ordnanceFinds() {
        LocalDate on = LocalDate.of(2023, 10, 5);
        for (var find : List.of(
                new MineAction.FindDraft(
                        "FZL",
                        Wgs84.point(47.190, 39.540),
                        Contamination.UXO,
                        "82 mm mortar round beside the highway (illustrative)",
                        1,
                        on),
                new MineAction.FindDraft(
                        "FZL",
                        Wgs84.point(47.170, 39.566),
                        Contamination.AT_MINE,
                        "Anti-tank mine lifted from the verge (illustrative)",
                        1,
                        on))) {
            OrdnanceFind recorded = mineAction.recordFind(LOADER, find);
            mineAction.dispose(LOADER, recorded.id(), OrdnanceFind.Disposition.MOVED_TO_CUSTODY, on.plusDays(1));
        }
    }

    private static Custody.ItemDraft weapon(
            String description, String model, String calibre, String serial, Point at, Instant time) {
        return new Custody.ItemDraft(
                Category.WEAPON,
                description + " (illustrative)",
                model,
                null,
                null,
                calibre,
                serial,
                null,
                null,
                BigDecimal.ONE,
                Unit.PIECES,
                null,
                Condition.SERVICEABLE,
                at,
                time,
                "surrendered at the collection point",
                true);
    }

    private static Custody.ItemDraft item(
            Category category,
            String description,
            String model,
            @Nullable String serial,
            @Nullable String lot,
            BigDecimal quantity,
            Unit unit,
            @Nullable HazardCode code,
            Point at,
            Instant time) {
        return new Custody.ItemDraft(
                category,
                description + " (illustrative)",
                model,
                null,
                null,
                null,
                serial,
                null,
                lot,
                quantity,
                unit,
                code,
                Condition.UNKNOWN,
                at,
                time,
                "surrendered at the collection point",
                true);
    }

    private long agency(String name) {
        return territory.agencies().stream()
                .filter(a -> a.name().equals(name))
                .map(Agency::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo agency " + name + " is missing"));
    }
}
