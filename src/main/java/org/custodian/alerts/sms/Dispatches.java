package org.custodian.alerts.sms;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.custodian.alerts.AlertReleased;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Scope;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

/**
 * Turns a released alert into SMS: finds the active subscribers whose home lies in the alert's area, fits the
 * text of each recipient's language to SMS, and writes one outbox row per recipient in one transaction. The
 * event publication registry hands the release again after a crash; a release already handled is skipped.
 */
@Service
class Dispatches {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatches.class);
    private static final List<String> FALLBACK = List.of("en", "az", "ru", "hy");

    private final RecipientIndex index;
    private final Outbox outbox;
    private final JdbcTemplate jdbc;

    Dispatches(RecipientIndex index, Outbox outbox, JdbcTemplate jdbc) {
        this.index = index;
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    @ApplicationModuleListener
    void on(AlertReleased released) {
        // A warning past its expiry is history (the demo's of 2023, or a release handed again long after):
        // texting it now would alarm people for nothing.
        if (!released.expires().isAfter(java.time.Instant.now())) {
            LOG.info("Alert {} expired at {}: no SMS sent.", released.identifier(), released.expires());
            return;
        }
        Map<String, SmsText> texts = new HashMap<>();
        for (String language : Subscribers.LANGUAGES) {
            String text = textFor(released.smsText(), language);
            if (text != null) {
                texts.put(language, SmsText.fit(text, SmsText.DEFAULT_MAX_SEGMENTS));
            }
        }
        if (texts.isEmpty()) {
            LOG.warn("Alert {} was released with no SMS text: nothing to send.", released.identifier());
            return;
        }
        RecipientIndex.Points.Found found = index.within(released.area());
        String[] languages = new String[found.ids().length];
        for (int i = 0; i < languages.length; i++) {
            languages[i] = found.language(i);
        }
        boolean added = outbox.enqueue(
                released.alertId(),
                released.identifier(),
                released.messageType(),
                String.join(",", new TreeSet<>(released.regionCodes())),
                found.ids(),
                languages,
                texts,
                Instant.now());
        if (added) {
            LOG.info("Alert {}: {} SMS queued.", released.identifier(), found.ids().length);
        }
    }

    /** The text in the language, or else in the first of en, az, ru, hy that the alert has. */
    static @Nullable String textFor(Map<String, String> texts, String language) {
        String own = texts.get(language);
        if (own != null && !own.isBlank()) {
            return own;
        }
        for (String l : FALLBACK) {
            String t = texts.get(l);
            if (t != null && !t.isBlank()) {
                return t;
            }
        }
        return null;
    }

    /** One message of an alert as dispatched. */
    record Sent(String identifier, String messageType, int recipients, Instant createdAt) {}

    /** What the caller may see of an alert's SMS: 404 unless one of its regions is the caller's. */
    List<Sent> of(Scope scope, long alertId) {
        List<Object[]> rows = jdbc.query(
                "select identifier, message_type, region_codes, recipients, created_at from alerts_sms_dispatch"
                        + " where alert_id = ? order by created_at",
                (rs, n) -> new Object[] {
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getInt(4),
                    rs.getTimestamp(5).toInstant()
                },
                alertId);
        boolean visible = rows.stream()
                .anyMatch(r -> List.of(((String) r[2]).split(",")).stream().anyMatch(scope::reads));
        if (rows.isEmpty() || !visible) {
            throw new RecordNotFound(Refusals.NO_ALERT, alertId);
        }
        return rows.stream()
                .map(r -> new Sent((String) r[0], (String) r[1], (Integer) r[3], (Instant) r[4]))
                .toList();
    }
}
