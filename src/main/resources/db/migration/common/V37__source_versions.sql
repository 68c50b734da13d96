-- Sources are versioned: a correction is a new row that names the version it corrects, so a record keeps
-- citing the words it cited. Who registered a version and for which regions decides who may correct it.
alter table platform_source add column previous_id bigint references platform_source (id);
alter table platform_source add column version_number integer default 1 not null;
alter table platform_source add column recorded_by varchar(64);
alter table platform_source add column recorded_at timestamp with time zone;
alter table platform_source add column region_codes varchar(500);
create index platform_source_previous on platform_source (previous_id);
create index platform_source_publisher_title on platform_source (publisher, title);
