package org.custodian.assets;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Assets, always read through the caller's scope. */
interface AssetRecords extends JpaRepository<Asset, Long> {

    String IN_SCOPE = "(:all = true or a.regionCode in :codes)";

    @Query("select a from Asset a where " + IN_SCOPE + " and (:region is null or a.regionCode = :region)"
            + " and (:kind is null or a.kind = :kind) order by a.regionCode, a.kind, a.name")
    List<Asset> findInScope(
            @Param("region") @Nullable String region,
            @Param("kind") Asset.@Nullable Kind kind,
            @Param("all") boolean all,
            @Param("codes") Collection<String> codes);

    @Query("select a from Asset a where a.id = :id and " + IN_SCOPE)
    Optional<Asset> findInScope(
            @Param("id") long id, @Param("all") boolean all, @Param("codes") Collection<String> codes);
}
