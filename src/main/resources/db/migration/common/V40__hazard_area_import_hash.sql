-- The content hash of the imported feature a hazard area was made from (SHA-256, hex): importing the same
-- file again finds its features already recorded and reports them as unchanged instead of doubling them.
alter table mine_hazard_area add column import_hash varchar(64);
create index mine_hazard_area_import_hash on mine_hazard_area (import_hash);
