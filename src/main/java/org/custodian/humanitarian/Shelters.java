package org.custodian.humanitarian;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.custodian.geo.GeometryRules;
import org.custodian.platform.RecordNotFound;
import org.custodian.platform.RuleViolated;
import org.custodian.platform.Scope;
import org.custodian.platform.Sources;
import org.custodian.territory.Region;
import org.custodian.territory.Territory;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Shelters and their occupancy over time, read and written through the caller's regions. */
@Service
@Transactional(readOnly = true)
public class Shelters {

    private final ShelterRecords shelters;
    private final Territory territory;
    private final Sources sources;

    Shelters(ShelterRecords shelters, Territory territory, Sources sources) {
        this.shelters = shelters;
        this.territory = territory;
        this.sources = sources;
    }

    public record ShelterDraft(String regionCode, String name, Point location, int capacity) {}

    public List<Shelter> shelters(Scope scope) {
        return shelters.findInScope(scope.allRegions(), scope.regionsForQuery());
    }

    public Shelter shelter(Scope scope, long id) {
        return shelters.findInScope(id, scope.allRegions(), scope.regionsForQuery())
                .orElseThrow(() -> new RecordNotFound(Refusals.NO_SHELTER, id));
    }

    @Transactional
    public Shelter open(Scope scope, ShelterDraft d) {
        Region region = territory.writableRegion(scope, d.regionCode());
        if (d.name().isBlank()) {
            throw new RuleViolated("name", Refusals.NAME_SHELTER);
        }
        if (d.capacity() < 0) {
            throw new RuleViolated("capacity", Refusals.CAPACITY_CANNOT_NEGATIVE);
        }
        GeometryRules.check("location", d.location(), Set.of("Point"));
        region.requireHolds("location", Refusals.WHAT_SHELTER, d.location());
        return shelters.save(new Shelter(region.code(), d.name().strip(), d.location(), d.capacity()));
    }

    /** Records how many people the shelter held on a day (replacing an earlier count of that day). */
    @Transactional
    public Shelter count(Scope scope, long id, LocalDate on, int people, @Nullable Long sourceId) {
        Shelter shelter = shelter(scope, id);
        territory.writableRegion(scope, shelter.regionCode());
        if (sourceId != null) {
            sources.require("sourceId", sourceId);
        }
        shelter.count(new Occupancy(on, people, sourceId, scope.username()));
        return shelter;
    }
}
