create spatial index territory_region_boundary on territory_region (boundary);
create spatial index territory_settlement_location on territory_settlement (location);
-- One active administration per region, also under concurrent requests.
alter table territory_administration add column active_region_id bigint
    generated always as (case when status = 'ACTIVE' then region_id end);
create unique index territory_administration_one_active on territory_administration (active_region_id);
