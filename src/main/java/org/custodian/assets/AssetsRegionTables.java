package org.custodian.assets;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/** Assets of a region with their assessments and photos, for the region export. */
@Component
class AssetsRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "assets";
    }

    @Override
    public List<Table> tables() {
        Table asset = ofRegion("asset");
        return List.of(
                asset, childOf(asset, "asset_assessment", "asset_id"), childOf(asset, "asset_photo", "asset_id"));
    }
}
