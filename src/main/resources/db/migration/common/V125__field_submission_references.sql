-- The records made from a field submission cite it as a foreign key, as they cite their source: a region's
-- export then carries the citation to the submission's new number in the instance that imports it.
alter table incident add constraint incident_field_submission_fk
    foreign key (field_submission_id) references fieldcollect_submission (id);
alter table mine_ordnance_find add constraint mine_ordnance_find_field_submission_fk
    foreign key (field_submission_id) references fieldcollect_submission (id);
