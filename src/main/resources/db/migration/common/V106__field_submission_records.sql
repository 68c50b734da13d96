-- Records made from accepted field submissions cite the submission's source and remember the submission,
-- so that a listener run twice makes one record.
alter table mine_ordnance_find add column source_id bigint references platform_source (id);
alter table mine_ordnance_find add column field_submission_id bigint;
create unique index mine_ordnance_find_field_submission on mine_ordnance_find (field_submission_id);
alter table incident add column field_submission_id bigint;
create unique index incident_field_submission on incident (field_submission_id);
alter table facility_inspection add column source_id bigint references platform_source (id);
