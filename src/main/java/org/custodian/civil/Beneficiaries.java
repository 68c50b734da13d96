package org.custodian.civil;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.territory.Settlement;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The beneficiaries of outreach: personal data, so only outreach workers of the region and administrators
 * register and see them (anyone else is refused, 403), and every beneficiary shown is recorded as a read in
 * the audit trail. A record holds the least that serves, and consent is required, with its date.
 */
@Service
@Transactional
public class Beneficiaries {

    private final BeneficiaryRecords records;
    private final BeneficiaryReads reads;
    private final WorkingGroups groups;
    private final Territory territory;
    private final Clock clock = Clock.systemUTC();

    Beneficiaries(BeneficiaryRecords records, BeneficiaryReads reads, WorkingGroups groups, Territory territory) {
        this.records = records;
        this.reads = reads;
        this.groups = groups;
        this.territory = territory;
    }

    /**
     * A beneficiary as the API or a form gives it: codes as text.
     *
     * @param reference a code that names no one (letters, digits, '-'), unique
     * @param ageBand CHILD, ADULT or OLDER
     * @param sex FEMALE, MALE or UNDISCLOSED
     * @param needs MEDICAL, FOOD, FUEL, ELECTRICITY, CARE, OTHER
     * @param consentOn the day the person consented to being recorded; required, not in the future
     */
    public record Draft(
            String regionCode,
            String reference,
            long settlementId,
            String ageBand,
            String sex,
            Set<String> needs,
            @Nullable LocalDate consentOn,
            @Nullable String note) {}

    /** Registers a beneficiary and answers its id. */
    public long register(Scope scope, Draft d) {
        return register(scope, d, false).id();
    }

    /** Registers an illustrative beneficiary (demo data, labelled so). */
    public long registerIllustrative(Scope scope, Draft d) {
        return register(scope, d, true).id();
    }

    Beneficiary register(Scope scope, Draft d, boolean illustrative) {
        requireOutreach(scope);
        String regionCode =
                Outreach.writableRegion(territory, scope, d.regionCode()).code();
        String reference = Codes.required("reference", d.reference(), 32).toUpperCase(java.util.Locale.ROOT);
        if (!reference.matches("[A-Z0-9-]{3,32}")) {
            throw new RuleViolated("reference", Refusals.REFERENCE_NAMES_NO_ONE);
        }
        if (records.existsByReference(reference)) {
            throw new RuleViolated("reference", Refusals.REFERENCE_TAKEN, reference);
        }
        Settlement settlement = groups.settlement(scope, d.settlementId());
        if (!settlement.region().code().equals(regionCode)) {
            throw new RuleViolated("settlementId", Refusals.SETTLEMENT_NOT_IN_REGION, regionCode);
        }
        if (d.consentOn() == null) {
            throw new RuleViolated("consentOn", Refusals.RECORD_DAY_PERSON_CONSENTED);
        }
        if (d.consentOn().isAfter(LocalDate.now(clock).plusDays(1))) {
            throw new RuleViolated("consentOn", Refusals.CONSENT_DATED_FUTURE);
        }
        Set<Beneficiary.Need> needs = EnumSet.noneOf(Beneficiary.Need.class);
        d.needs().stream()
                .filter(n -> !n.isBlank())
                .forEach(n -> needs.add(Codes.read("need", Beneficiary.Need.class, n)));
        Beneficiary b = records.save(new Beneficiary(
                regionCode,
                reference,
                settlement.id(),
                Codes.read("ageBand", Beneficiary.AgeBand.class, d.ageBand()),
                Codes.read("sex", Beneficiary.Sex.class, d.sex()),
                needs,
                d.consentOn(),
                scope.username(),
                d.note() == null ? "" : Codes.limited("note", d.note(), 1000),
                illustrative));
        read(scope, b, "register");
        return b;
    }

    /** Every beneficiary of the caller's regions, each read recorded. */
    List<Beneficiary> list(Scope scope) {
        requireOutreach(scope);
        List<Beneficiary> all = records.findInScope(scope.allRegions(), scope.regionsForQuery());
        all.forEach(b -> read(scope, b, "list"));
        return all;
    }

    /** One beneficiary, the read recorded; one outside the caller's regions answers as if it did not exist. */
    Beneficiary read(Scope scope, long id) {
        requireOutreach(scope);
        Beneficiary b = records.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_BENEFICIARY, id));
        read(scope, b, "read");
        return b;
    }

    private void read(Scope scope, Beneficiary b, String purpose) {
        reads.save(new BeneficiaryRead(b.id(), scope.username(), clock.instant(), purpose));
    }

    private static void requireOutreach(Scope scope) {
        if (!Outreach.outreachRole(scope)) {
            throw new AccessDeniedException("only outreach workers and administrators see beneficiaries");
        }
    }
}
