package org.custodian.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sequences;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alerts to civilians, from composing to issue: one person composes (an alert, or an update or cancellation
 * of an issued one), a second approves, and only then does the message go out ({@link AlertReleased}).
 * Administrators, and directors and alert officers of the alert's region, compose and approve. Everyone
 * signed in reads the alerts of their regions.
 */
@Service
@Transactional(readOnly = true)
public class Alerts {

    private static final Set<Role> COMPOSERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.ALERT_OFFICER);

    private final AlertRecords alerts;
    private final AreaChoice areas;
    private final Loudspeakers loudspeakers;
    private final Territory territory;
    private final Sequences sequences;
    private final ApplicationEventPublisher events;

    Alerts(
            AlertRecords alerts,
            AreaChoice areas,
            Loudspeakers loudspeakers,
            Territory territory,
            Sequences sequences,
            ApplicationEventPublisher events) {
        this.alerts = alerts;
        this.areas = areas;
        this.loudspeakers = loudspeakers;
        this.territory = territory;
        this.sequences = sequences;
        this.events = events;
    }

    /**
     * What an alert says, where and when: the infos (one per language), the area, its description, the time
     * it takes effect and expires, and whether it goes for approval at once (else it stays a draft).
     */
    public record Draft(
            String regionCode,
            List<AlertInfo> infos,
            @Nullable Geometry area,
            List<String> fromRegions,
            List<Long> fromSettlements,
            List<Long> fromHazardAreas,
            double bufferMetres,
            @Nullable String areaDescription,
            Instant effective,
            Instant expires,
            boolean submit) {}

    public List<Alert> alerts(Scope scope) {
        return alerts.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    /** The alerts the caller may approve: awaiting approval in their regions, composed by someone else. */
    public List<Alert> approvalQueue(Scope scope) {
        return alerts(scope).stream()
                .filter(a -> a.status() == Alert.Status.AWAITING_APPROVAL)
                .filter(a -> composes(scope, a.regionCode()))
                .toList();
    }

    public Alert alert(Scope scope, long id) {
        return alerts.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ALERT, id));
    }

    /** A message that went out, by its CAP identifier, for anyone: drafts and messages awaiting approval are not. */
    public Alert released(String identifier) {
        return alerts.findByIdentifier(identifier)
                .filter(a -> a.status().released())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ALERT, identifier));
    }

    /** Issued messages in effect now, newest first: the public feed. */
    public List<Alert> inEffect() {
        return alerts.findByStatuses(Set.of(Alert.Status.ISSUED)).stream()
                .filter(a -> a.status() == Alert.Status.ISSUED)
                .toList();
    }

    /** The earlier message an update or cancellation refers to; null for a first alert. */
    public @Nullable Alert referenced(Alert alert) {
        return alert.referencesId() == null
                ? null
                : alerts.findById(alert.referencesId()).orElse(null);
    }

    /** Whether the caller may compose and approve alerts of the region. */
    public boolean composes(Scope scope, String regionCode) {
        return COMPOSERS.contains(scope.role()) && scope.reads(regionCode);
    }

    /** The regions where the caller composes alerts. */
    public List<Region> composingRegions(Scope scope) {
        return territory.regions().stream()
                .filter(r -> composes(scope, r.code()))
                .toList();
    }

    @Transactional
    public Alert compose(Scope scope, Draft d) {
        return compose(scope, d, "Alert", null, null);
    }

    /** Composes an update of an issued alert: new text, area or times, referring to it. */
    @Transactional
    public Alert update(Scope scope, long id, Draft d) {
        Alert earlier = issued(scope, id, Refusals.ONLY_ISSUED_ALERT_UPDATED);
        if (!earlier.regionCode().equals(d.regionCode())) {
            throw new RuleViolated("regionCode", Refusals.UPDATE_STAYS_REGION_ALERT, earlier.regionCode());
        }
        return compose(scope, d, "Update", earlier.id(), null);
    }

    /** Composes the cancellation of an issued alert, sent for approval at once; its text says it is cancelled. */
    @Transactional
    public Alert cancel(Scope scope, long id, @Nullable Instant at) {
        Alert earlier = issued(scope, id, Refusals.ONLY_ISSUED_ALERT_CANCELLED);
        Instant now = at == null ? Instant.now() : at;
        Region region = composable(scope, earlier.regionCode());
        Alert cancel = new Alert(
                identifier(region),
                region.code(),
                "Cancel",
                earlier.id(),
                earlier.infos().stream().map(AlertInfo::cancelled).toList(),
                earlier.areaDescription(),
                new AlertArea.Simplified(
                        earlier.area(), earlier.drawnArea(), earlier.drawnSquareMetres(), earlier.addedSquareMetres()),
                now.isBefore(earlier.expires()) ? now : earlier.effective(),
                earlier.expires(),
                scope.username(),
                now,
                true);
        return alerts.save(cancel);
    }

    @Transactional
    public Alert submit(Scope scope, long id) {
        Alert alert = writable(scope, id);
        alert.submit(scope.username(), Instant.now());
        return alert;
    }

    @Transactional
    public Alert returnToDraft(Scope scope, long id, String reason) {
        Alert alert = writable(scope, id);
        if (reason.isBlank() || reason.length() > 1000) {
            throw new RuleViolated("reason", Refusals.SAY_1_1000_CHARACTERS_WHY);
        }
        alert.returnToDraft(reason.strip(), scope.username(), Instant.now());
        return alert;
    }

    /**
     * The second person's approval: the message is issued, the one it updates or cancels is marked so, the
     * loudspeaker announcements are planned and {@link AlertReleased} published.
     *
     * @param at when approved; now when null (the demo loader gives the scenario's time)
     */
    @Transactional
    public Alert approve(Scope scope, long id, @Nullable Instant at) {
        Alert alert = writable(scope, id);
        Instant when = at == null ? Instant.now() : at;
        alert.approve(scope.username(), when);
        Alert earlier = referenced(alert);
        if (earlier != null) {
            earlier.supersede(
                    "Cancel".equals(alert.messageType()) ? Alert.Status.CANCELLED : Alert.Status.UPDATED,
                    alert.identifier(),
                    scope.username(),
                    when);
        }
        Set<String> regions = regionsOf(alert);
        loudspeakers.plan(alert, regions);
        events.publishEvent(new AlertReleased(
                alert.id(),
                alert.identifier(),
                alert.messageType(),
                regions,
                alert.area(),
                alert.smsText(),
                alert.effective(),
                alert.expires()));
        return alert;
    }

    /** Records as expired the issued messages whose time ran out; answers how many. */
    @Transactional
    public int expireDue(Instant now) {
        int expired = 0;
        for (Alert a : alerts.findExpired(now)) {
            if (a.expireIfDue(now)) {
                expired++;
            }
        }
        return expired;
    }

    private Alert compose(Scope scope, Draft d, String messageType, @Nullable Long references, @Nullable Instant at) {
        Region region = composable(scope, d.regionCode());
        List<AlertInfo> infos = infos(d.infos());
        if (!d.expires().isAfter(d.effective())) {
            throw new RuleViolated("expires", Refusals.ALERT_EXPIRES_AFTER_TAKES_EFFECT, d.effective());
        }
        String description = d.areaDescription() == null || d.areaDescription().isBlank()
                ? region.names().en()
                : d.areaDescription().strip();
        if (description.length() > 500) {
            throw new RuleViolated("areaDescription", Refusals.AREA_DESCRIBED_MOST_500_CHARACTERS);
        }
        AlertArea.Simplified area = areas.resolve(
                scope,
                region,
                new AreaChoice.Choice(
                        d.area(), d.fromRegions(), d.fromSettlements(), d.fromHazardAreas(), d.bufferMetres()));
        Instant now = at == null ? Instant.now() : at;
        return alerts.save(new Alert(
                identifier(region),
                region.code(),
                messageType,
                references,
                infos,
                description,
                area,
                d.effective(),
                d.expires(),
                scope.username(),
                now,
                d.submit()));
    }

    /** Composes as the demo does, at the scenario's time. */
    @Transactional
    public Alert compose(Scope scope, Draft d, Instant at) {
        return compose(scope, d, "Alert", null, at);
    }

    private static List<AlertInfo> infos(List<AlertInfo> given) {
        if (given.isEmpty()) {
            throw new RuleViolated("infos", Refusals.GIVE_ALERT_S_TEXT_LEAST, AlertInfo.LANGUAGES);
        }
        List<AlertInfo> checked = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            AlertInfo info = AlertInfo.checked(given.get(i), "infos[" + i + "]");
            if (!seen.add(info.language())) {
                throw new RuleViolated(
                        "infos[" + i + "].language", Refusals.INFO_PER_LANGUAGE_GIVEN_TWICE, info.language());
            }
            checked.add(info);
        }
        return checked;
    }

    private Alert issued(Scope scope, long id, Refusals refusal) {
        Alert earlier = alert(scope, id);
        composable(scope, earlier.regionCode());
        if (earlier.status() != Alert.Status.ISSUED) {
            throw new org.custodian.platform.ConflictWithState(
                    refusal, earlier.identifier(), Alert.said(earlier.status()));
        }
        return earlier;
    }

    private Alert writable(Scope scope, long id) {
        Alert alert = alert(scope, id);
        composable(scope, alert.regionCode());
        return alert;
    }

    private Region composable(Scope scope, String regionCode) {
        Region region;
        try {
            region = territory.region(regionCode);
        } catch (RecordNotFound e) {
            throw new RuleViolated("regionCode", CommonRefusals.NO_REGION, regionCode);
        }
        if (!composes(scope, regionCode)) {
            throw new AccessDeniedException("administrators, and directors and alert officers of region " + regionCode
                    + ", compose and approve its alerts");
        }
        return region;
    }

    private String identifier(Region region) {
        return region.code() + "-AL-" + String.format("%05d", sequences.next("alerts_alert_number"));
    }

    /** The regions the area touches, its own first: whose administrations answer for the alert. */
    private Set<String> regionsOf(Alert alert) {
        Set<String> codes = new TreeSet<>();
        codes.add(alert.regionCode());
        for (Region r : territory.regions()) {
            if (r.boundary().intersects(alert.area())) {
                codes.add(r.code());
            }
        }
        return codes;
    }
}
