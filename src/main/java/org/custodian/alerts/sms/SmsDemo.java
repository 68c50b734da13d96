package org.custodian.alerts.sms;

import java.util.List;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Illustrative subscribers for the demo, so that the register and delivery pages are not empty. Their numbers
 * are fictional: the North American 555-0100 to 555-0199 range, reserved for fiction ({@code +1 201 555 01xx}
 * and two more area codes), so that a demo wired to a real SMSC reaches nobody. Their homes are the demo's
 * settlements, a few hundred metres apart.
 */
@Component
@Order(20)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class SmsDemo implements ApplicationRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SmsDemo.class);
    private static final Scope LOADER = Scope.system("demo-loader");
    private static final List<String> AREA_CODES = List.of("201", "202", "212");
    private static final List<String> LANGUAGES = List.of("az", "az", "ru", "en", "hy");
    private static final int PER_SETTLEMENT = 4;

    private final Subscribers subscribers;
    private final SubscriberRecords records;
    private final Territory territory;
    private final TransactionTemplate transactions;

    SmsDemo(Subscribers subscribers, SubscriberRecords records, Territory territory, TransactionTemplate transactions) {
        this.subscribers = subscribers;
        this.records = records;
        this.territory = territory;
        this.transactions = transactions;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (records.count() > 0 || territory.regions().isEmpty()) {
            return;
        }
        int n = transactions.execute(status -> load());
        LOG.info("Loaded {} illustrative SMS subscribers with fictional numbers.", n);
    }

    private int load() {
        int n = 0;
        for (Settlement s : territory.settlements(LOADER, null)) {
            Region region = s.region();
            for (int i = 0; i < PER_SETTLEMENT && n < AREA_CODES.size() * 100; i++, n++) {
                String number = "+1" + AREA_CODES.get(n / 100) + "55501" + String.format("%02d", n % 100);
                double dx = (i % 2 == 0 ? 1 : -1) * 0.002 * (1 + i / 2);
                double dy = (i < 2 ? 1 : -1) * 0.0015;
                org.locationtech.jts.geom.Point home = org.custodian.geo.Wgs84.point(
                        s.location().getX() + dx, s.location().getY() + dy);
                if (!region.covers(home)) {
                    home = s.location();
                }
                subscribers.subscribe(
                        LOADER,
                        new Subscribers.Draft(
                                region.code(),
                                number,
                                LANGUAGES.get(n % LANGUAGES.size()),
                                s.id(),
                                home,
                                null,
                                i % 3 == 0 ? "IN_PERSON" : "FORM"));
            }
        }
        return n;
    }
}
