package org.custodian.assets;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AssetPhotos extends JpaRepository<AssetPhoto, Long> {

    /** What an asset's photos are, without their bytes. */
    record Listing(long id, long assessmentId, String fileName, String mediaType, String sha256) {}

    @Query(
            "select new org.custodian.assets.AssetPhotos$Listing(p.id, p.assessmentId, p.fileName, p.mediaType, p.sha256)"
                    + " from AssetPhoto p where p.assetId = :asset order by p.id")
    List<Listing> listed(@Param("asset") long assetId);
}
