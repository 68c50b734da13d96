package org.custodian.territory;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.custodian.platform.CommonRefusals;
import org.custodian.platform.ConflictWithState;
import org.custodian.platform.Reason;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The territory module's API: reads filtered by the caller's {@link Scope}, writes checked against it and
 * against the rules of the domain. Every method takes the scope explicitly so that callers without a web
 * request (the demo loader, tests) say who they act as.
 *
 * <p>Reads of records outside the scope answer as if the record did not exist ({@link RecordNotFound}).
 */
@Service
@Transactional(readOnly = true)
public class Territory {

    private final Regions regions;
    private final Settlements settlements;
    private final Administrations administrations;
    private final Agencies agencies;
    private final Sources sources;
    private final List<SettlementReferences> settlementReferences;
    private final RegionBoundaries boundaries;

    Territory(
            Regions regions,
            RegionBoundaries boundaries,
            Settlements settlements,
            Administrations administrations,
            Agencies agencies,
            Sources sources,
            List<SettlementReferences> settlementReferences) {
        this.regions = regions;
        this.boundaries = boundaries;
        this.settlements = settlements;
        this.administrations = administrations;
        this.agencies = agencies;
        this.sources = sources;
        this.settlementReferences = settlementReferences;
    }

    /** What a region is: its code, names, boundary (any polygon or multipolygon) and time zone. */
    public record RegionDraft(
            String code,
            Names names,
            Geometry boundary,
            @Nullable String boundaryNote,
            ZoneId zone) {}

    /** What a settlement is. */
    public record SettlementDraft(
            String regionCode,
            Names names,
            SettlementKind kind,
            Point location,
            @Nullable LocalDate underAdministrationSince,
            List<PopulationEstimate> populationEstimates) {}

    /** What an administration is, apart from its appointments and dissolution. */
    public record AdministrationDraft(
            String regionCode,
            String name,
            LocalDate establishedOn,
            @Nullable String decreeReference,
            List<CoordinationLink> coordination,
            Set<Long> sources) {}

    /** What an agency is. */
    public record AgencyDraft(
            String name,
            @Nullable String shortName,
            AgencyKind kind,
            @Nullable String country) {}

    /**
     * The time zone named {@code id} (UTC when none is given), for a region's draft.
     *
     * @throws RuleViolated naming {@code field} when there is no such zone
     */
    public static ZoneId timeZone(String field, @Nullable String id) {
        try {
            return ZoneId.of(id == null ? "UTC" : id);
        } catch (DateTimeException e) {
            throw new RuleViolated(field, Refusals.NOT_A_TIME_ZONE, id);
        }
    }

    // Regions: the basemap, readable by everyone signed in.

    public List<Region> regions() {
        return regions.findAllByOrderByCode();
    }

    /** Every region's code and names, by code, without their boundaries. */
    public List<RegionName> regionNames() {
        return regions.findNamesByOrderByCode();
    }

    /**
     * The code of the region whose boundary holds the point (the first by code when it lies on a shared
     * border), from the boundaries held in memory ({@link RegionBoundaries}).
     */
    public Optional<String> regionCodeAt(Point point) {
        return boundaries.codeAt(point);
    }

    /** Whether the caller may create and change records in some region. */
    public boolean writesAnyRegion(Scope scope) {
        return regionNames().stream().anyMatch(r -> scope.writes(r.code()));
    }

    /**
     * The regions where the caller may create and change records, by code: the choices of a form that records.
     *
     * @throws AccessDeniedException when there is none, so that a reader is not given a form that cannot be sent
     */
    public List<Region> writableRegions(Scope scope) {
        List<Region> writable =
                regions().stream().filter(r -> scope.writes(r.code())).toList();
        if (writable.isEmpty()) {
            throw new AccessDeniedException("no write access to any region");
        }
        return writable;
    }

    public Region region(String code) {
        return regions.findByCode(code).orElseThrow(() -> new RecordNotFound(CommonRefusals.NO_REGION, code));
    }

    @Transactional
    public Region createRegion(Scope scope, RegionDraft draft) {
        requireAdmin(scope);
        checkCode(draft.code());
        if (regions.findByCode(draft.code()).isPresent()) {
            throw new ConflictWithState(Refusals.REGION_EXISTS_ALREADY, draft.code());
        }
        boundaries.changed();
        return regions.save(
                new Region(draft.code(), draft.names(), draft.boundary(), draft.boundaryNote(), draft.zone()));
    }

    @Transactional
    public Region updateRegion(Scope scope, String code, long version, RegionDraft draft) {
        requireAdmin(scope);
        Region region = region(code);
        ConflictWithState.requireVersion(Refusals.REGION_CHANGED, code, region.version(), version);
        if (!draft.code().equals(code)) {
            throw new RuleViolated("code", Refusals.REGION_S_CODE_CANNOT_CHANGE);
        }
        region.describe(draft.names(), draft.boundary(), draft.boundaryNote(), draft.zone());
        boundaries.changed();
        for (Settlement s : settlements.findInRegion(code, true, Set.of())) {
            if (!region.covers(s.location())) {
                throw new RuleViolated(
                        "boundary",
                        Refusals.NEW_BOUNDARY_LEAVES_SETTLEMENT_OUTSIDE,
                        s.names().en());
            }
        }
        return region;
    }

    @Transactional
    public void deleteRegion(Scope scope, String code) {
        requireAdmin(scope);
        Region region = region(code);
        if (settlements.existsByRegion(region) || administrations.existsByRegion(region)) {
            throw new ConflictWithState(Refusals.REGION_STILL_SETTLEMENTS_ADMINISTRATIONS, code);
        }
        regions.delete(region);
        boundaries.changed();
        // Records of other modules hold the region by its code; the database refuses while any does.
        try {
            regions.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictWithState(Refusals.REGION_STILL_HOLDS_RECORDS, code);
        }
    }

    // Settlements: within the caller's scope.

    public List<Settlement> settlements(Scope scope, @Nullable String regionCode) {
        return regionCode == null
                ? settlements.findInScope(scope.allRegions(), scope.regionsForQuery())
                : settlements.findInRegion(regionCode, scope.allRegions(), scope.regionsForQuery());
    }

    public Settlement settlement(Scope scope, long id) {
        return settlements
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(CommonRefusals.NO_SETTLEMENT, id));
    }

    @Transactional
    public Settlement addSettlement(Scope scope, SettlementDraft draft) {
        Region region = writableRegion(scope, draft.regionCode());
        checkEstimates(draft.populationEstimates());
        return settlements.save(new Settlement(
                region,
                draft.names(),
                draft.kind(),
                draft.location(),
                draft.underAdministrationSince(),
                draft.populationEstimates()));
    }

    @Transactional
    public Settlement updateSettlement(Scope scope, long id, long version, SettlementDraft draft) {
        Settlement settlement = settlement(scope, id);
        scope.requireWrites(settlement.region().code());
        ConflictWithState.requireVersion(Refusals.SETTLEMENT_CHANGED, id, settlement.version(), version);
        Region region = writableRegion(scope, draft.regionCode());
        checkEstimates(draft.populationEstimates());
        settlement.describe(
                region,
                draft.names(),
                draft.kind(),
                draft.location(),
                draft.underAdministrationSince(),
                draft.populationEstimates());
        return settlement;
    }

    @Transactional
    public void deleteSettlement(Scope scope, long id) {
        Settlement settlement = settlement(scope, id);
        scope.requireWrites(settlement.region().code());
        List<Reason> namedBy =
                settlementReferences.stream().flatMap(r -> r.to(id).stream()).toList();
        if (!namedBy.isEmpty()) {
            throw new ConflictWithState(
                    Refusals.SETTLEMENT_STILL_NAMED_BY, settlement.names().en(), namedBy);
        }
        settlements.delete(settlement);
        // A module that refers to settlements without saying so still cannot leave a dangling reference.
        try {
            settlements.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictWithState(
                    Refusals.SETTLEMENT_STILL_REFERRED_TO, settlement.names().en());
        }
    }

    // Agencies: shared by all regions, managed by administrators.

    public List<Agency> agencies() {
        return agencies.findAllByOrderByName();
    }

    public Agency agency(long id) {
        return agencies.findById(id).orElseThrow(() -> new RecordNotFound(CommonRefusals.NO_AGENCY, id));
    }

    @Transactional
    public Agency createAgency(Scope scope, AgencyDraft draft) {
        requireAdmin(scope);
        if (agencies.findByName(draft.name()).isPresent()) {
            throw new ConflictWithState(Refusals.AGENCY_NAMED_EXISTS_ALREADY, draft.name());
        }
        return agencies.save(new Agency(draft.name(), draft.shortName(), draft.kind(), draft.country()));
    }

    @Transactional
    public Agency updateAgency(Scope scope, long id, long version, AgencyDraft draft) {
        requireAdmin(scope);
        Agency agency = agency(id);
        ConflictWithState.requireVersion(Refusals.AGENCY_CHANGED, id, agency.version(), version);
        if (agencies.findByName(draft.name()).filter(a -> a.id() != id).isPresent()) {
            throw new ConflictWithState(Refusals.AGENCY_NAMED_EXISTS_ALREADY, draft.name());
        }
        agency.describe(draft.name(), draft.shortName(), draft.kind(), draft.country());
        return agency;
    }

    @Transactional
    public void deleteAgency(Scope scope, long id) {
        requireAdmin(scope);
        Agency agency = agency(id);
        agencies.delete(agency);
        // Accounts and the records of other modules name agencies; the database refuses while any does.
        try {
            agencies.flush();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictWithState(Refusals.AGENCY_STILL_REFERRED_TO, agency.name());
        }
    }

    // Administrations: within the caller's scope.

    public List<Administration> administrations(Scope scope, @Nullable String regionCode) {
        return regionCode == null
                ? administrations.findInScope(scope.allRegions(), scope.regionsForQuery())
                : administrations.findInRegion(regionCode, scope.allRegions(), scope.regionsForQuery());
    }

    public Administration administration(Scope scope, long id) {
        return administrations
                .findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_ADMINISTRATION, id));
    }

    /** Establishes the administration of a region; a region has at most one active administration. */
    @Transactional
    public Administration establish(Scope scope, AdministrationDraft draft) {
        requireAdmin(scope);
        Region region = region(draft.regionCode());
        if (administrations.existsByRegionAndStatus(region, Administration.Status.ACTIVE)) {
            throw new ConflictWithState(Refusals.REGION_ALREADY_ACTIVE_ADMINISTRATION, region.code());
        }
        checkReferences(draft);
        Administration administration =
                new Administration(region, draft.name(), draft.establishedOn(), draft.decreeReference());
        administration.coordinateWith(draft.coordination());
        administration.cite(draft.sources());
        return administrations.saveAndFlush(administration);
    }

    /** Changes an administration's particulars: administrators, and directors of its region. */
    @Transactional
    public Administration updateAdministration(Scope scope, long id, long version, AdministrationDraft draft) {
        Administration administration = administration(scope, id);
        requireDirectorOf(scope, administration);
        ConflictWithState.requireVersion(Refusals.ADMINISTRATION_CHANGED, id, administration.version(), version);
        if (!draft.regionCode().equals(administration.region().code())) {
            throw new RuleViolated("regionCode", Refusals.ADMINISTRATION_CANNOT_MOVE_ANOTHER_REGION);
        }
        checkReferences(draft);
        administration.describe(draft.name(), draft.establishedOn(), draft.decreeReference());
        administration.coordinateWith(draft.coordination());
        administration.cite(draft.sources());
        return administration;
    }

    @Transactional
    public Administration appoint(Scope scope, long administrationId, Appointment appointment) {
        Administration administration = administration(scope, administrationId);
        requireAdmin(scope);
        agencyExists("appointedBy", appointment.appointedBy());
        if (appointment.personName().isBlank() || appointment.position().isBlank()) {
            throw new RuleViolated("personName", Refusals.APPOINTMENT_NAMES_PERSON_POSITION);
        }
        administration.appoint(appointment);
        return administration;
    }

    @Transactional
    public Administration dissolve(Scope scope, long administrationId, LocalDate on) {
        Administration administration = administration(scope, administrationId);
        requireAdmin(scope);
        administration.dissolve(on);
        return administration;
    }

    private void checkReferences(AdministrationDraft draft) {
        for (int i = 0; i < draft.coordination().size(); i++) {
            agencyExists(
                    "coordination[" + i + "].agencyId",
                    draft.coordination().get(i).agencyId());
        }
        for (long source : draft.sources()) {
            sources.require("sources", source);
        }
    }

    private void checkEstimates(List<PopulationEstimate> estimates) {
        for (int i = 0; i < estimates.size(); i++) {
            sources.require(
                    "populationEstimates[" + i + "].sourceId", estimates.get(i).sourceId());
        }
    }

    private void agencyExists(String field, long id) {
        if (!agencies.existsById(id)) {
            throw new RuleViolated(field, CommonRefusals.NO_AGENCY_IS_REGISTERED, id);
        }
    }

    /**
     * The region a record is being written to, if the caller may write there.
     *
     * @throws RuleViolated naming {@code regionCode} when there is no such region
     * @throws AccessDeniedException when the caller may not write in it
     */
    public Region writableRegion(Scope scope, String code) {
        Region region = regions.findByCode(code)
                .orElseThrow(() -> new RuleViolated("regionCode", CommonRefusals.NO_REGION, code));
        scope.requireWrites(code);
        return region;
    }

    private static void requireAdmin(Scope scope) {
        if (!scope.isAdmin()) {
            throw new AccessDeniedException("administrators only");
        }
    }

    private static void requireDirectorOf(Scope scope, Administration administration) {
        boolean director = scope.role() == org.custodian.platform.Role.DIRECTOR
                && scope.reads(administration.region().code());
        if (!scope.isAdmin() && !director) {
            throw new AccessDeniedException("administrators and the region's directors only");
        }
    }

    private static void checkCode(String code) {
        if (!code.matches("[A-Z0-9-]{2,16}")) {
            throw new RuleViolated("code", Refusals.REGION_CODE_2_16_CAPITAL);
        }
    }
}
