create index territory_region_boundary on territory_region using gist (boundary);
create index territory_settlement_location on territory_settlement using gist (location);
-- One active administration per region, also under concurrent requests.
create unique index territory_administration_one_active on territory_administration (region_id) where status = 'ACTIVE';
