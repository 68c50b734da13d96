package org.custodian.fieldcollect;

import static org.custodian.geo.RegionRecords.Table.childOf;
import static org.custodian.geo.RegionRecords.Table.ofRegion;

import java.util.List;
import org.custodian.geo.RegionRecords;
import org.springframework.stereotype.Component;

/**
 * A region's field submissions, each with its instance as received and its files, for the region export. The
 * device key a submission came with stays behind: its secret is this instance's, so the file carries the
 * submission without it (the sender's name stays).
 */
@Component
class FieldCollectRegionTables implements RegionRecords {

    @Override
    public String module() {
        return "fieldcollect";
    }

    @Override
    public List<Table> tables() {
        Table submission = ofRegion("fieldcollect_submission").withOwnColumns("device_key_id");
        return List.of(submission, childOf(submission, "fieldcollect_submission_file", "submission_id"));
    }
}
