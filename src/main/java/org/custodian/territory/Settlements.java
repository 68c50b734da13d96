package org.custodian.territory;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Settlements, always read through the caller's scope. */
interface Settlements extends JpaRepository<Settlement, Long> {

    String IN_SCOPE = "(:all = true or s.region.code in :codes)";

    @Query("select s from Settlement s where " + IN_SCOPE + " order by s.region.code, s.names.en")
    List<Settlement> findInScope(@Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select s from Settlement s where s.region.code = :region and " + IN_SCOPE + " order by s.names.en")
    List<Settlement> findInRegion(
            @Param("region") String region, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    @Query("select s from Settlement s where s.id = :id and " + IN_SCOPE)
    Optional<Settlement> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);

    boolean existsByRegion(Region region);
}
