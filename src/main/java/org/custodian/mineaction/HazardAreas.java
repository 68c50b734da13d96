package org.custodian.mineaction;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Hazard areas, always read through the caller's scope. */
interface HazardAreas extends JpaRepository<HazardArea, Long> {

    String IN_SCOPE = "(:all = true or h.regionCode in :codes)";

    @Query("select h from HazardArea h where " + IN_SCOPE
            + " and (:region is null or h.regionCode = :region) order by h.regionCode, h.reference")
    List<HazardArea> findInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    /** A page of the areas' ids in the list's order, and how many match: a page reads only its areas. */
    @Query("select h.id from HazardArea h where " + IN_SCOPE
            + " and (:region is null or h.regionCode = :region) order by h.regionCode, h.reference, h.id")
    Page<Long> findIdsInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes,
            Pageable page);

    /** How many areas match, their area and the area released, in m²: one row. */
    @Query("select count(h), coalesce(sum(h.areaSquareMetres), 0), coalesce(sum(h.releasedSquareMetres), 0)"
            + " from HazardArea h where " + IN_SCOPE + " and (:region is null or h.regionCode = :region)")
    List<Object[]> totalsInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    /** The matching areas' releases: region, day completed, method and m², without their geometries. */
    @Query("select h.regionCode, r.completedOn, r.method, r.areaSquareMetres from HazardArea h join h.releases r"
            + " where " + IN_SCOPE + " and (:region is null or h.regionCode = :region)")
    List<Object[]> releasesInScope(
            @Param("region") @Nullable String region,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    @Query("select h from HazardArea h where h.id = :id and " + IN_SCOPE)
    Optional<HazardArea> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    long countByRegionCode(String regionCode);

    /** A hazard area made from an imported feature, by the feature's content hash. */
    record Imported(String importHash, String reference) {}

    @Query("select new org.custodian.mineaction.HazardAreas$Imported(h.importHash, h.reference)"
            + " from HazardArea h where h.importHash in :hashes")
    List<Imported> findImported(@Param("hashes") Collection<String> hashes);

    boolean existsByReference(String reference);
}
