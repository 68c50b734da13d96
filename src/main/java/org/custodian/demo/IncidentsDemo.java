package org.custodian.demo;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.geo.Wgs84;
import org.custodian.incidents.Casualties;
import org.custodian.incidents.Incident;
import org.custodian.incidents.IncidentType;
import org.custodian.incidents.Incidents;
import org.custodian.incidents.MonitoringCentre;
import org.custodian.mineaction.Accident;
import org.custodian.mineaction.MineAction;
import org.custodian.platform.ReportedFigures;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incidents part of the demo, from the scenario facts: the joint ceasefire monitoring centre (S-JMC),
 * the two mine explosions of 2023-09-19 (they arrive from mine action; here they get their sources and
 * figures), the fire on army units and the two civilian workers killed that day (S-MFA).
 */
@Component
@Order(60)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class IncidentsDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IncidentsDemo.class);
    private static final Scope LOADER = Scope.system("demo-loader");
    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");
    private static final LocalDate DAY = LocalDate.of(2023, 9, 19);

    private final Incidents incidents;
    private final MineAction mineAction;
    private final Territory territory;
    private final Sources sources;
    private final ReportedFigures figures;
    private final TransactionTemplate transaction;

    IncidentsDemo(
            Incidents incidents,
            MineAction mineAction,
            Territory territory,
            Sources sources,
            ReportedFigures figures,
            TransactionTemplate transaction) {
        this.incidents = incidents;
        this.mineAction = mineAction;
        this.territory = territory;
        this.sources = sources;
        this.figures = figures;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty() || incidents.monitoringCentre().isPresent()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
        mineIncidents();
    }

    void load() {
        long mfa = source(
                "Ministry of Foreign Affairs of Azerbaijan",
                "Briefing for the diplomatic corps on the situation in the region");
        long jmc = source(
                "Anadolu Agency / Hurriyet Daily News",
                "Turkish-Russian joint Karabakh monitoring center to start operating");
        incidents.establishCentre(
                LOADER,
                new Incidents.CentreDraft(
                        "Joint ceasefire monitoring centre",
                        LocalDate.of(2020, 11, 11),
                        LocalDate.of(2021, 1, 30),
                        "S-JMC says both \u201cas of Jan. 30\u201d and \u201ctomorrow\u201d: the first day is uncertain",
                        LocalDate.of(2020, 11, 10),
                        List.of(
                                new MonitoringCentre.Party(
                                        "One contributing side", 1, 38, "1 general and 38 staff, as S-JMC reports"),
                                new MonitoringCentre.Party("The other contributing side", null, null, null)),
                        Set.of(jmc)));

        Instant midday =
                LocalDateTime.of(DAY, java.time.LocalTime.NOON).atZone(BAKU).toInstant();
        incidents.record(
                LOADER,
                new Incidents.IncidentDraft(
                        "AGD",
                        IncidentType.SHELLING,
                        "Mortar and small-arms fire",
                        midday,
                        Incident.TimePrecision.DAY,
                        Wgs84.point(46.930, 39.991),
                        Incident.GeoPrecision.REGION,
                        "Armed formations (as reported)",
                        "Army units",
                        "Army units came under mortar and small-arms fire; 2 servicemen injured. The briefing names"
                                + " no place: located at region level (illustrative).",
                        new Casualties(0, 0, 0, 0, 0, 0, 0, 2, 0, 0),
                        true,
                        agency("Ministry of Foreign Affairs"),
                        Set.of(mfa)));
        for (var place : List.of(
                new Object[] {"AGD", "Aghdam", 46.930, 39.991}, new Object[] {"SHU", "Shusha", 46.749, 39.758})) {
            incidents.record(
                    LOADER,
                    new Incidents.IncidentDraft(
                            (String) place[0],
                            IncidentType.ARMED_ATTACK,
                            null,
                            midday,
                            Incident.TimePrecision.DAY,
                            Wgs84.point((double) place[2], (double) place[3]),
                            Incident.GeoPrecision.NEAR,
                            "Armed formations (as reported)",
                            "Civilian workers",
                            "A civilian worker was killed in " + place[1] + ".",
                            new Casualties(1, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                            true,
                            agency("Ministry of Foreign Affairs"),
                            Set.of(mfa)));
        }
    }

    /** The mine explosions come from mine action's events; give them their sources and figures. */
    void mineIncidents() {
        long jwg =
                source("Anadolu Agency", "Officials and Armenian residents of Karabakh agree on joint working group");
        long mfa = source(
                "Ministry of Foreign Affairs of Azerbaijan",
                "Briefing for the diplomatic corps on the situation in the region");
        for (Accident accident : mineAction.accidents(LOADER, null)) {
            Optional<Incident> found = awaitIncident(accident.id());
            if (found.isEmpty()) {
                log.warn("The incident of mine accident {} has not arrived; its figures are not loaded", accident.id());
                continue;
            }
            transaction.executeWithoutResult(status -> {
                Incident incident = found.get();
                boolean police = accident.description().startsWith("Police");
                Incident updated = incidents.update(
                        LOADER,
                        incident.id(),
                        incident.version(),
                        new Incidents.IncidentDraft(
                                incident.regionCode(),
                                IncidentType.MINE_EXPLOSION,
                                incident.subType(),
                                incident.occurredAt(),
                                incident.timePrecision(),
                                incident.location(),
                                incident.geoPrecision(),
                                null,
                                police ? "Police officers" : "Government institution's truck",
                                accident.description(),
                                police
                                        ? new Casualties(0, 4, 0, 0, 0, 0, 0, 0, 0, 0)
                                        : new Casualties(2, 0, 0, 0, 0, 0, 0, 0, 0, 0),
                                false,
                                null,
                                Set.of(jwg, mfa)));
                ReportedFigures.Figure jwgKilled = incidents.reportFigure(
                        LOADER,
                        updated.id(),
                        new ReportedFigures.Report(
                                "killed",
                                ReportedFigures.Kind.COUNT,
                                BigDecimal.valueOf(police ? 4 : 2),
                                jwg,
                                LocalDate.of(2023, 9, 25),
                                null));
                incidents.acceptFigure(LOADER, updated.id(), jwgKilled.id());
                incidents.review(LOADER, updated.id(), Incident.Status.UNDER_REVIEW, null);
                incidents.review(
                        LOADER,
                        updated.id(),
                        Incident.Status.VERIFIED,
                        "Two sources agree on the events; S-JWG gives the numbers");
            });
        }
    }

    private Optional<Incident> awaitIncident(long accidentId) {
        for (int i = 0; i < 100; i++) {
            Optional<Incident> found = incidents.fromAccident(LOADER, accidentId);
            if (found.isPresent()) {
                return found;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private long source(String publisher, String title) {
        return sources.register(new Sources.NewSource(publisher, title, null, false, null, null))
                .id();
    }

    private @Nullable Long agency(String name) {
        return territory.agencies().stream()
                .filter(a -> a.name().equals(name))
                .map(a -> a.id())
                .findFirst()
                .orElse(null);
    }
}
