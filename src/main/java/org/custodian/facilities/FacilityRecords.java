package org.custodian.facilities;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Facilities, always read through the caller's scope. */
interface FacilityRecords extends JpaRepository<Facility, Long> {

    String IN_SCOPE = "(:all = true or f.regionCode in :codes)";

    @Query("select f from Facility f where " + IN_SCOPE + " and (:region is null or f.regionCode = :region)"
            + " and (:kind is null or f.kind = :kind) order by f.regionCode, f.kind, f.name")
    List<Facility> findInScope(
            @Param("region") @Nullable String region,
            @Param("kind") @Nullable FacilityKind kind,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    /**
     * A page of the facilities' ids in the list's order, and how many match: a list page reads only its
     * facilities, with their histories, rather than every one.
     */
    @Query("select f.id from Facility f where " + IN_SCOPE + " and (:region is null or f.regionCode = :region)"
            + " and (:kind is null or f.kind = :kind) order by f.regionCode, f.kind, f.name, f.id")
    Page<Long> findIdsInScope(
            @Param("region") @Nullable String region,
            @Param("kind") @Nullable FacilityKind kind,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            Pageable page);

    @Query("select f from Facility f where f.id = :id and " + IN_SCOPE)
    Optional<Facility> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    /** Roads whose bounding box comes within the given box: the candidates for a distance test. */
    @Query("select f from Facility f where f.kind = org.custodian.facilities.FacilityKind.ROAD"
            + " and st_intersects(f.geometry, :box) = true")
    List<Facility> roadsNear(@Param("box") org.locationtech.jts.geom.Geometry box);

    boolean existsByKind(FacilityKind kind);
}
