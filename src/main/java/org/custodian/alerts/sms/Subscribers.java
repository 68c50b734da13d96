package org.custodian.alerts.sms;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.Role;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Region;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of SMS subscribers. Numbers are personal data: only alert officers and administrators keep the
 * register and see numbers, and every number shown is recorded as a read (audited); anyone else in the region
 * sees a masked number.
 */
@Service
@Transactional
class Subscribers {

    static final Set<String> LANGUAGES = Set.of("az", "hy", "ru", "en");
    static final int PAGE = 200;

    private final SubscriberRecords records;
    private final NumberReads reads;
    private final SubscriberKey key;
    private final Territory territory;
    private final Clock clock;

    Subscribers(SubscriberRecords records, NumberReads reads, SubscriberKey key, Territory territory) {
        this.records = records;
        this.reads = reads;
        this.key = key;
        this.territory = territory;
        this.clock = Clock.systemUTC();
    }

    record Draft(
            String regionCode,
            String phone,
            String language,
            @Nullable Long settlementId,
            @Nullable Point location,
            @Nullable Instant consentAt,
            String consentChannel) {}

    /** A subscriber as the caller may see them: the number in full only for those who keep the register. */
    record Shown(Subscriber subscriber, String phone, boolean full) {}

    static boolean keepsRegister(Scope scope) {
        return scope.role() == Role.ADMIN || scope.role() == Role.ALERT_OFFICER;
    }

    Shown subscribe(Scope scope, Draft d) {
        requireKeeper(scope, d.regionCode());
        Region region = territory.regions().stream()
                .filter(r -> r.code().equals(d.regionCode()))
                .findFirst()
                .orElseThrow(() -> new RuleViolated("regionCode", CommonRefusals.NO_REGION, d.regionCode()));
        String number = PhoneNumbers.e164("phone", d.phone());
        String language = language(d.language());
        Subscriber.Channel channel = channel("consentChannel", d.consentChannel());
        Instant now = clock.instant();
        Instant consentAt = d.consentAt() == null ? now : d.consentAt();
        if (consentAt.isAfter(now.plusSeconds(60))) {
            throw new RuleViolated("consentAt", Refusals.CONSENT_CANNOT_DATED_FUTURE);
        }
        Point location;
        if (d.settlementId() != null) {
            Settlement settlement = territory.settlement(scope, d.settlementId());
            if (!settlement.region().code().equals(region.code())) {
                throw new RuleViolated("settlementId", Refusals.SETTLEMENT_NOT_IN_REGION, region.code());
            }
            location = d.location() != null ? d.location() : settlement.location();
        } else if (d.location() != null) {
            location = d.location();
        } else {
            throw new RuleViolated("location", Refusals.GIVE_HOME_SETTLEMENT_POINT);
        }
        GeometryRules.check("location", location, Set.of("Point"));
        region.requireHolds("location", Refusals.WHAT_SUBSCRIBER_HOME, location);
        String hash = key.hash(number);
        if (records.findByPhoneHash(hash).isPresent()) {
            throw new RuleViolated("phone", Refusals.NUMBER_ALREADY_REGISTERED);
        }
        Subscriber s = records.save(new Subscriber(
                region.code(),
                key.encrypt(number),
                hash,
                language,
                d.settlementId(),
                location,
                consentAt,
                channel,
                now));
        return shown(scope, s, "register");
    }

    @Transactional
    List<Shown> list(Scope scope, @Nullable String regionCode, int page) {
        if (page < 0) {
            throw new RuleViolated("page", Refusals.PAGE_STARTS_0);
        }
        return records
                .findInScope(
                        scope.allRegions(),
                        scope.regionsForQuery(),
                        regionCode == null || regionCode.isBlank() ? null : regionCode,
                        PageRequest.of(page, PAGE))
                .stream()
                .map(s -> shown(scope, s, "list"))
                .toList();
    }

    Shown read(Scope scope, long id) {
        return shown(scope, find(scope, id), "read");
    }

    Shown optOut(Scope scope, long id) {
        Subscriber s = find(scope, id);
        requireKeeper(scope, s.regionCode());
        if (s.status() == Subscriber.Status.ERASED) {
            throw new RuleViolated("status", Refusals.SUBSCRIBER_ERASED);
        }
        s.optOut(Subscriber.Channel.FORM, clock.instant());
        return shown(scope, s, "opt-out");
    }

    void erase(Scope scope, long id) {
        Subscriber s = find(scope, id);
        requireKeeper(scope, s.regionCode());
        s.erase(clock.instant());
    }

    /** An opt-out by SMS from this number; false when the number is not registered or already out. */
    boolean optOutBySms(String e164) {
        return records.findByPhoneHash(key.hash(e164))
                .map(s -> s.optOut(Subscriber.Channel.SMS, clock.instant()))
                .orElse(false);
    }

    private Subscriber find(Scope scope, long id) {
        return records.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .filter(s -> s.status() != Subscriber.Status.ERASED)
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_SUBSCRIBER, id));
    }

    private Shown shown(Scope scope, Subscriber s, String purpose) {
        byte[] cipher = s.phoneCipher();
        if (cipher == null) {
            return new Shown(s, "", false);
        }
        String number = key.decrypt(cipher);
        if (!keepsRegister(scope)) {
            return new Shown(s, PhoneNumbers.masked(number), false);
        }
        reads.save(new NumberRead(s.id(), scope.username(), clock.instant(), purpose));
        return new Shown(s, number, true);
    }

    private static void requireKeeper(Scope scope, String regionCode) {
        if (!keepsRegister(scope) || !scope.reads(regionCode)) {
            throw new AccessDeniedException("only alert officers of the region and administrators keep subscribers");
        }
    }

    static String language(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        if (!LANGUAGES.contains(c)) {
            throw new RuleViolated("language", Refusals.LANGUAGE_MUST_AZ_HY_RU);
        }
        return c;
    }

    static Subscriber.Channel channel(String field, String code) {
        try {
            return Subscriber.Channel.valueOf(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new RuleViolated(field, Refusals.CONSENT_CHANNEL_MUST_FORM_SMS);
        }
    }
}
