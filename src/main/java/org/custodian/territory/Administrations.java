package org.custodian.territory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * Administrations, always read through the caller's scope. Each comes with its region in the same statement
 * (the region is read eagerly: without the fetch, a list read each administration's region by a statement
 * of its own).
 */
interface Administrations extends JpaRepository<Administration, Long> {

    String WITH_REGION = "select a from Administration a join fetch a.region r where ";

    String IN_SCOPE = "(:all = true or r.code in :codes)";

    @Query(WITH_REGION + IN_SCOPE + " order by r.code, a.establishedOn desc")
    List<Administration> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query(WITH_REGION + "a.id = :id and " + IN_SCOPE)
    Optional<Administration> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query(WITH_REGION + "r.code = :region and " + IN_SCOPE + " order by a.establishedOn desc")
    List<Administration> findInRegion(
            @Param("region") String region, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    boolean existsByRegionAndStatus(Region region, Administration.Status status);

    boolean existsByRegion(Region region);
}
