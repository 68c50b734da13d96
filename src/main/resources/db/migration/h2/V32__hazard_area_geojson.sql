-- Each hazard area's polygon as GeoJSON, kept by the database beside the geometry (see the PostgreSQL
-- migration of the same version).
alter table mine_hazard_area
    add column area_geojson character varying generated always as (ST_AsGeoJSON(area, 8));
