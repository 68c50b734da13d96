package org.custodian.demo;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.custodian.alerts.Alert;
import org.custodian.alerts.AlertInfo;
import org.custodian.alerts.Alerts;
import org.custodian.mineaction.HazardArea;
import org.custodian.mineaction.MineAction;
import org.custodian.platform.Role;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The warning of the scenario facts: on 2023-09-19 residents were told to keep away from military facilities
 * (S-MFA, S-CAL). Here it covers the hazard areas of the highway where the mines went off that day, with a
 * kilometre around them, composed by an alert officer and approved by the director of the region, in four
 * languages. Its text, area and times are illustrative and say so; the two people are demo names, not
 * accounts.
 */
@Component
@Order(80)
@ConditionalOnBooleanProperty(name = "custodian.demo.enabled", matchIfMissing = true)
class AlertsDemo implements ApplicationRunner {

    private static final Scope LOADER = Scope.system("demo-loader");
    private static final ZoneId BAKU = ZoneId.of("Asia/Baku");

    private final Alerts alerts;
    private final MineAction mineAction;
    private final Territory territory;
    private final TransactionTemplate transaction;

    AlertsDemo(Alerts alerts, MineAction mineAction, Territory territory, TransactionTemplate transaction) {
        this.alerts = alerts;
        this.mineAction = mineAction;
        this.territory = territory;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (territory.regions().isEmpty()
                || mineAction.hazardAreas(LOADER, null).isEmpty()
                || !alerts.alerts(LOADER).isEmpty()) {
            return;
        }
        transaction.executeWithoutResult(status -> load());
    }

    void load() {
        List<HazardArea> highway = mineAction.hazardAreas(LOADER, null);
        String region = highway.get(0).regionCode();
        Scope officer = new Scope("demo.alert-officer", Role.ALERT_OFFICER, false, Set.of(region), null);
        Scope director = new Scope("demo.director", Role.DIRECTOR, false, Set.of(region), null);
        Alert warning = alerts.compose(
                officer,
                new Alerts.Draft(
                        region,
                        List.of(
                                info(
                                        "az",
                                        "Hərbi obyektlərdən və yolun kənarlarından uzaq durun",
                                        "Hərbi obyektlərdən uzaq durun, yoldan kənara çıxmayın, naməlum əşyalara"
                                                + " toxunmayın. Onlar barədə polisə məlumat verin.",
                                        "19 sentyabr 2023-cü ildə Əhmədbəyli-Füzuli-Şuşa avtomobil yolunda yük"
                                                + " maşını və polis avtomobili minaya düşüb. Yolun kənarları və"
                                                + " yaxınlıqdakı hərbi obyektlər təhlükəlidir. Demo ssenarisinin"
                                                + " illüstrativ mətni."),
                                info(
                                        "hy",
                                        "Հեռու մնացեք ռազմական օբյեկտներից և մայրուղու եզրերից",
                                        "Հեռու մնացեք ռազմական օբյեկտներից, մի՛ իջեք ճանապարհից, մի՛ դիպչեք"
                                                + " անծանոթ առարկաներին։ Տեղեկացրեք դրանց մասին ոստիկանությանը։",
                                        "2023 թ. սեպտեմբերի 19-ին Ահմեդբեյլի-Ֆիզուլի-Շուշի մայրուղում բեռնատարը"
                                                + " և ոստիկանական մեքենան պայթել են ականների վրա։ Ճանապարհի եզրերը"
                                                + " և մոտակա ռազմական օբյեկտները վտանգավոր են։ Դեմո սցենարի"
                                                + " պատկերավոր տեքստ։"),
                                info(
                                        "ru",
                                        "Держитесь подальше от военных объектов и обочин трассы",
                                        "Держитесь подальше от военных объектов, не сходите с дороги, не трогайте"
                                                + " незнакомые предметы. Сообщайте о них в полицию.",
                                        "19 сентября 2023 года на трассе Ахмедбейли-Физули-Шуша грузовик и"
                                                + " полицейская машина подорвались на минах. Обочины и военные"
                                                + " объекты поблизости опасны. Иллюстративный текст"
                                                + " демонстрационного сценария."),
                                info(
                                        "en",
                                        "Keep away from military facilities and the highway verges",
                                        "Keep away from military facilities, do not leave the road, do not touch"
                                                + " unknown objects. Report them to the police.",
                                        "On 19 September 2023 a truck and a police vehicle hit mines on the"
                                                + " Ahmadbayli-Fuzuli-Shusha highway. The verges and the military"
                                                + " facilities nearby are dangerous. Illustrative text of the demo"
                                                + " scenario.")),
                        null,
                        List.of(),
                        List.of(),
                        highway.stream()
                                .filter(h -> h.regionCode().equals(region))
                                .map(HazardArea::id)
                                .toList(),
                        1000,
                        "Ahmadbayli-Fuzuli-Shusha highway and 1 km around its hazard areas (illustrative)",
                        at(2023, 9, 19, 14, 30),
                        at(2023, 9, 26, 14, 0),
                        true),
                at(2023, 9, 19, 14, 0));
        alerts.approve(director, warning.id(), at(2023, 9, 19, 14, 30));
    }

    private static AlertInfo info(String language, String headline, String instruction, String description) {
        return new AlertInfo(
                language,
                "Safety",
                "Explosive hazard",
                "Immediate",
                "Severe",
                "Observed",
                "Avoid",
                headline,
                description,
                instruction);
    }

    private static java.time.Instant at(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(BAKU).toInstant();
    }
}
