package org.custodian.territory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Administrations, always read through the caller's scope. */
interface Administrations extends JpaRepository<Administration, Long> {

    String IN_SCOPE = "(:all = true or a.region.code in :codes)";

    @Query("select a from Administration a where " + IN_SCOPE + " order by a.region.code, a.establishedOn desc")
    List<Administration> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select a from Administration a where a.id = :id and " + IN_SCOPE)
    Optional<Administration> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select a from Administration a where a.region.code = :region and " + IN_SCOPE
            + " order by a.establishedOn desc")
    List<Administration> findInRegion(
            @Param("region") String region, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    boolean existsByRegionAndStatus(Region region, Administration.Status status);

    boolean existsByRegion(Region region);
}
