package org.custodian.alerts;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.custodian.platform.OperationalFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Tallies;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Alerts by status, the SMS messages of alerts by how far their delivery got, and the alerts sent that day. */
@Component
class AlertFigures implements OperationalFigures {

    /** The outbox's statuses (alerts.sms keeps its type to itself), in the order a delivery goes. */
    private static final String[] SMS = {
        "QUEUED", "SENDING", "SUBMITTED", "UNCONFIRMED", "DELIVERED", "FAILED", "EXPIRED", "OPTED_OUT"
    };

    private final Tallies tallies;
    private final JdbcClient jdbc;

    AlertFigures(Tallies tallies, JdbcClient jdbc) {
        this.tallies = tallies;
        this.jdbc = jdbc;
    }

    @Override
    public String id() {
        return "alerts";
    }

    @Override
    public List<Count> counts(Scope scope, @Nullable String region, LocalDate day) {
        List<Count> counts = new ArrayList<>();
        String page = OperationalFigures.listed("/alerts", region);
        alerts(scope, region, day).forEach((status, n) -> {
            if (n > 0) {
                counts.add(new Count("alerts.status." + status, n.longValue(), page));
            }
        });
        counts.add(new Count(
                "cop.count.smsDelivered",
                sms(scope, region, day).getOrDefault("DELIVERED", 0.0).longValue(),
                page));
        return counts;
    }

    @Override
    public List<Chart> charts(Scope scope, @Nullable String region, LocalDate day) {
        return List.of(
                Chart.bars(
                        "alerts-by-status", "cop.chart.alertsByStatus", "alerts.status.", alerts(scope, region, day)),
                Chart.bars("sms-delivery", "cop.chart.smsDelivery", "cop.sms.", sms(scope, region, day)));
    }

    @Override
    public List<Event> events(Scope scope, @Nullable String region, LocalDate day) {
        Where where = OperationalFigures.within(scope, region, "a.region_code");
        Map<String, Object> params = new HashMap<>(where.params());
        params.put("start", Timestamp.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
        params.put("end", Timestamp.from(OperationalFigures.endOf(day)));
        return jdbc.sql("""
                        select a.id, a.identifier, a.status, a.sent_at,
                          (select min(i.headline) from alerts_alert_info i where i.alert_id = a.id) headline
                        from alerts_alert a
                        where %s and a.sent_at >= :start and a.sent_at < :end
                        order by a.sent_at, a.id""".formatted(where.sql()))
                .params(params)
                .query((rs, i) -> new Event(
                        rs.getTimestamp("sent_at").toInstant(),
                        "alerts.status." + rs.getString("status"),
                        rs.getString("headline"),
                        "/alerts/" + rs.getLong("id")))
                .list();
    }

    private Map<String, Double> alerts(Scope scope, @Nullable String region, LocalDate day) {
        return tallies.byCode(
                "select status, count(*) from alerts_alert where {where} and composed_at < :end group by status",
                OperationalFigures.within(scope, region, "region_code"),
                day,
                Tallies.every(Alert.Status.values()));
    }

    private Map<String, Double> sms(Scope scope, @Nullable String region, LocalDate day) {
        return tallies.byCode("""
                select status, count(*) from (
                select case when m.status = 'QUEUED' and m.attempts = 0 and m.id < d.next_id
                    then 'SENDING' else m.status end as status
                from alerts_sms_message m
                join alerts_sms_subscriber s on s.id = m.subscriber_id
                join alerts_sms_dispatch d on d.identifier = m.identifier
                where {where} and d.created_at < :end) t group by status""", OperationalFigures.within(scope, region, "s.region_code"), day, SMS);
    }
}
