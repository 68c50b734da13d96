package org.custodian.demo;

import java.time.LocalDate;
import org.custodian.assets.Assessment;
import org.custodian.assets.Asset;
import org.custodian.assets.Assets;
import org.custodian.geo.Wgs84;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.locationtech.jts.geom.Envelope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Illustrative inventory records: no figure here comes from the scenario's sources, so none carries
 * reserves or values, only the kinds of record an inventory officer keeps.
 */
@Component
@Order(21)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class AssetsDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");

    private final Assets assets;
    private final Territory territory;
    private final TransactionTemplate transaction;

    AssetsDemo(Assets assets, Territory territory, TransactionTemplate transaction) {
        this.assets = assets;
        this.territory = territory;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty() || !assets.assets(LOADER, null, null).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    void load() {
        Asset heritage = assets.record(
                LOADER,
                new Assets.AssetDraft(
                        "SHU",
                        Asset.Kind.CULTURAL_HERITAGE,
                        "Historic quarter of Shusha (illustrative)",
                        Wgs84.box(new Envelope(46.748, 46.756, 39.756, 39.762)),
                        new Asset.Particulars(
                                null,
                                null,
                                null,
                                "Historic urban area",
                                "18th-19th century",
                                "Under protection",
                                null,
                                null,
                                null,
                                null)));
        assets.assess(
                LOADER,
                heritage.id(),
                LocalDate.of(2021, 3, 1),
                "Heritage survey team (illustrative)",
                Assessment.Condition.POOR,
                "Roofs and facades damaged");
        assets.assess(
                LOADER,
                heritage.id(),
                LocalDate.of(2023, 6, 1),
                "Heritage survey team (illustrative)",
                Assessment.Condition.FAIR,
                "Facades of the main street restored");
        assets.record(
                LOADER,
                new Assets.AssetDraft(
                        "AGD",
                        Asset.Kind.LAND_PARCEL,
                        "Agricultural parcel east of Aghdam (illustrative)",
                        Wgs84.box(new Envelope(46.95, 46.97, 39.98, 39.99)),
                        new Asset.Particulars(
                                "AGD-0001 (illustrative)",
                                "Agriculture",
                                "Claims not yet reviewed",
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                null)));
        assets.record(
                LOADER,
                new Assets.AssetDraft(
                        "KLB",
                        Asset.Kind.MINERAL_DEPOSIT,
                        "Gold-bearing area near Kalbajar (illustrative)",
                        Wgs84.box(new Envelope(45.90, 45.95, 40.25, 40.30)),
                        new Asset.Particulars(null, null, null, null, null, null, "Gold", null, null, null)));
    }
}
