package org.custodian.alerts;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loudspeaker announcements: when a message is issued, one per settlement inside its area, with the script
 * in the local languages. Composers of the region assign teams or vehicles and a time; field teams of the
 * region (and composers) report each one done.
 */
@Service
@Transactional(readOnly = true)
public class Loudspeakers {

    private static final Scope PLANNER = Scope.system("alerts");
    private static final Set<Role> ASSIGNERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.ALERT_OFFICER);
    private static final Set<Role> ANNOUNCERS = EnumSet.of(Role.ADMIN, Role.DIRECTOR, Role.ALERT_OFFICER, Role.FIELD);

    private final LoudspeakerTaskRecords tasks;
    private final AlertRecords alerts;
    private final Territory territory;

    Loudspeakers(LoudspeakerTaskRecords tasks, AlertRecords alerts, Territory territory) {
        this.tasks = tasks;
        this.alerts = alerts;
        this.territory = territory;
    }

    /** The announcements of an alert the caller may read. */
    public List<LoudspeakerTask> tasks(Scope scope, long alertId) {
        requireReadable(scope, alertId);
        return tasks.findByAlertIdOrderBySettlementName(alertId);
    }

    @Transactional
    public LoudspeakerTask assign(Scope scope, long alertId, long taskId, String teams, Instant scheduledAt) {
        Alert alert = requireReadable(scope, alertId);
        LoudspeakerTask task = task(alertId, taskId);
        if (!ASSIGNERS.contains(scope.role()) || !scope.reads(task.regionCode())) {
            throw new AccessDeniedException("administrators, and directors and alert officers of region "
                    + task.regionCode() + ", assign its announcements");
        }
        task.assign(teams, scheduledAt, alert.expires());
        return task;
    }

    @Transactional
    public LoudspeakerTask done(Scope scope, long alertId, long taskId, @Nullable String note) {
        requireReadable(scope, alertId);
        LoudspeakerTask task = task(alertId, taskId);
        if (!ANNOUNCERS.contains(scope.role()) || !scope.reads(task.regionCode())) {
            throw new AccessDeniedException("field teams of region " + task.regionCode() + " report its announcements");
        }
        task.done(scope.username(), note, Instant.now());
        return task;
    }

    /** One announcement per settlement of the regions given whose place lies in the issued message's area. */
    @Transactional
    void plan(Alert alert, Set<String> regions) {
        String script = script(alert);
        for (String code : regions) {
            for (Settlement s : territory.settlements(PLANNER, code)) {
                if (alert.area().covers(s.location())) {
                    tasks.save(new LoudspeakerTask(
                            alert.id(), code, s.id(), s.names().en(), script));
                }
            }
        }
    }

    /** The text read aloud: headline, instruction and description in each local language (English if only). */
    static String script(Alert alert) {
        List<AlertInfo> local =
                alert.infos().stream().filter(i -> !i.language().equals("en")).toList();
        List<AlertInfo> read = local.isEmpty() ? alert.infos() : local;
        return read.stream()
                .map(i -> "[" + i.language() + "] " + i.headline() + "\n" + i.instruction() + "\n" + i.description())
                .collect(Collectors.joining("\n\n"));
    }

    private Alert requireReadable(Scope scope, long alertId) {
        return alerts.findInScope(alertId, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ALERT, alertId));
    }

    private LoudspeakerTask task(long alertId, long taskId) {
        return tasks.findByIdAndAlertId(taskId, alertId)
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_LOUDSPEAKER_ANNOUNCEMENT, taskId));
    }
}
