package org.custodian.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Closed roads, read through the caller's scope except where routing reads them all. */
interface ClosedRoads extends JpaRepository<ClosedRoad, Long> {

    String IN_SCOPE = "(:all = true or c.regionCode in :codes)";

    @Query("select c from ClosedRoad c where " + IN_SCOPE + " order by c.closedFrom desc, c.id desc")
    List<ClosedRoad> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select c from ClosedRoad c where c.id = :id and " + IN_SCOPE)
    Optional<ClosedRoad> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    /** Closures in force now or starting later, whatever the region: every one of them binds routes. */
    @Query("select c from ClosedRoad c where c.closedUntil is null or c.closedUntil > :now")
    List<ClosedRoad> findNotEnded(@Param("now") Instant now);
}
