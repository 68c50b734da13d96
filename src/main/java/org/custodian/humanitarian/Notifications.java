package org.custodian.humanitarian;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sequences;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Humanitarian notifications of movements and static sites, and the parties' acknowledgements. A
 * notification is sent, never approved: the parties acknowledge receipt.
 */
@Service
@Transactional(readOnly = true)
public class Notifications {

    private final NotificationRecords notifications;
    private final Convoys convoys;
    private final Evacuations evacuations;
    private final Territory territory;
    private final Sequences sequences;

    Notifications(
            NotificationRecords notifications,
            Convoys convoys,
            Evacuations evacuations,
            Territory territory,
            Sequences sequences) {
        this.notifications = notifications;
        this.convoys = convoys;
        this.evacuations = evacuations;
        this.territory = territory;
        this.sequences = sequences;
    }

    /** What is notified, where, when, to whom, and the convoy or evacuation it concerns if any. */
    public record Draft(
            String regionCode,
            Notification.Kind kind,
            String subject,
            Geometry location,
            Instant startsAt,
            @Nullable Instant endsAt,
            List<String> parties,
            @Nullable Long convoyId,
            @Nullable Long evacuationId,
            @Nullable Instant sentAt) {}

    public List<Notification> notifications(Scope scope) {
        return notifications.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public Notification notification(Scope scope, long id) {
        return notifications
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_NOTIFICATION, id));
    }

    @Transactional
    public Notification send(Scope scope, Draft d) {
        Region region = territory.writableRegion(scope, d.regionCode());
        if (d.subject().isBlank()) {
            throw new RuleViolated("subject", Refusals.SAY_WHAT_MOVES_SITE_NOTIFIED);
        }
        GeometryRules.check("location", d.location(), Set.of("Point", "LineString", "Polygon"));
        region.requireHolds("location", Refusals.WHAT_NOTIFIED_PLACE, d.location());
        if (d.parties().stream().allMatch(String::isBlank)) {
            throw new RuleViolated("parties", Refusals.NAME_PARTIES_NOTIFICATION_SENT);
        }
        if (d.parties().stream().anyMatch(p -> p.isBlank() || p.length() > 200)) {
            throw new RuleViolated("parties", Refusals.PARTY_NAMED_1_200_CHARACTERS);
        }
        if (d.endsAt() != null && d.endsAt().isBefore(d.startsAt())) {
            throw new RuleViolated("endsAt", Refusals.NOTIFIED_PERIOD_ENDS_AFTER_STARTS);
        }
        if (d.kind() == Notification.Kind.MOVEMENT && d.endsAt() == null) {
            throw new RuleViolated("endsAt", Refusals.MOVEMENT_NOTIFIED_TIME_ENDS);
        }
        if (d.convoyId() != null) {
            refer("convoyId", () -> convoys.convoy(scope, d.convoyId()));
        }
        if (d.evacuationId() != null) {
            refer("evacuationId", () -> evacuations.evacuation(scope, d.evacuationId()));
        }
        Instant sentAt = d.sentAt() == null ? Instant.now() : d.sentAt();
        if (sentAt.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated("sentAt", Refusals.NOTIFICATION_RECORDED_ONCE_SENT);
        }
        String reference =
                region.code() + "-HN-" + String.format("%05d", sequences.next("humanitarian_notification_number"));
        return notifications.save(new Notification(reference, d, scope.username(), sentAt));
    }

    /** Records that a party acknowledged receipt, as its representative said. */
    @Transactional
    public Notification acknowledge(
            Scope scope, long id, String party, String by, @Nullable String note, @Nullable Instant at) {
        Notification notification = notification(scope, id);
        territory.writableRegion(scope, notification.regionCode());
        if (by.isBlank()) {
            throw new RuleViolated("by", Refusals.SAY_ACKNOWLEDGED_PARTY);
        }
        Instant when = at == null ? Instant.now() : at;
        if (when.isAfter(Instant.now().plusSeconds(60))) {
            throw new RuleViolated("at", Refusals.ACKNOWLEDGEMENT_DATED_FUTURE);
        }
        notification.acknowledge(party, by, note, when);
        return notification;
    }

    private static void refer(String field, Runnable lookup) {
        try {
            lookup.run();
        } catch (RecordNotFound e) {
            throw new RuleViolated(field, e.reason());
        }
    }
}
