package org.custodian.alerts.sms;

import org.custodian.geo.Wgs84;
import org.custodian.platform.Callers;
import org.custodian.platform.PageForms;
import org.custodian.platform.Scope;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the subscriber register with its form, and an alert's SMS delivery. */
@Controller
class SubscriberPageController {

    private final Subscribers subscribers;
    private final Deliveries deliveries;
    private final Territory territory;
    private final Callers callers;

    SubscriberPageController(Subscribers subscribers, Deliveries deliveries, Territory territory, Callers callers) {
        this.subscribers = subscribers;
        this.deliveries = deliveries;
        this.territory = territory;
        this.callers = callers;
    }

    @GetMapping("/subscribers")
    String subscribers(@RequestParam(required = false) @Nullable String regionCode, Model model) {
        Scope scope = callers.current();
        boolean keeper = Subscribers.keepsRegister(scope);
        model.addAttribute("subscribers", subscribers.list(scope, regionCode, 0));
        model.addAttribute("keeper", keeper);
        model.addAttribute(
                "regions",
                territory.regions().stream().filter(r -> scope.reads(r.code())).toList());
        model.addAttribute("settlements", territory.settlements(scope, null));
        model.addAttribute("languages", java.util.List.of("az", "hy", "ru", "en"));
        model.addAttribute("channels", Subscriber.Channel.values());
        model.addAttribute("stopWords", String.join(", ", java.util.List.of("STOP", "DAYAN", "СТОП", "ԿԱՆԳ")));
        return "alerts/subscribers";
    }

    @PostMapping("/subscribers")
    String subscribe(
            @RequestParam String regionCode,
            @RequestParam String phone,
            @RequestParam String language,
            @RequestParam(required = false) @Nullable Long settlementId,
            @RequestParam(required = false) @Nullable Double longitude,
            @RequestParam(required = false) @Nullable Double latitude,
            @RequestParam String consentChannel,
            RedirectAttributes redirect) {
        return PageForms.attempt(
                "/subscribers#subscriber-form",
                redirect,
                () -> subscribers.subscribe(
                        callers.current(),
                        new Subscribers.Draft(
                                regionCode,
                                phone,
                                language,
                                settlementId,
                                longitude == null || latitude == null ? null : Wgs84.point(longitude, latitude),
                                null,
                                consentChannel)));
    }

    @PostMapping("/subscribers/{id}/opt-out")
    String optOut(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt("/subscribers", redirect, () -> subscribers.optOut(callers.current(), id));
    }

    @PostMapping("/subscribers/{id}/erase")
    String erase(@PathVariable long id, RedirectAttributes redirect) {
        return PageForms.attempt("/subscribers", redirect, () -> subscribers.erase(callers.current(), id));
    }

    @GetMapping("/alerts/{id}/deliveries")
    String deliveries(@PathVariable long id, Model model) {
        model.addAttribute("report", deliveries.report(callers.current(), id));
        model.addAttribute("statuses", Outbox.Status.values());
        return "alerts/deliveries";
    }
}
