-- Each hazard area's polygon as GeoJSON, kept by the database beside the geometry: map and OGC API pages
-- of thousands of polygons read it instead of writing every polygon anew on every request. Eight decimal
-- places of a degree are about a millimetre.
alter table mine_hazard_area
    add column area_geojson text generated always as (ST_AsGeoJSON(area, 8)) stored;
