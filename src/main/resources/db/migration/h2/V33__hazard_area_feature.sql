-- Each hazard area kept as the GeoJSON Feature its map layer and OGC API pages serve (see the PostgreSQL
-- migration of the same version).
alter table mine_hazard_area drop column area_geojson;
alter table mine_hazard_area add column feature_geojson character varying generated always as (cast(json_object(
    'type': 'Feature',
    'id': cast(id as character varying),
    'geometry': ST_AsGeoJSON(area, 8) format json,
    'properties': json_object(
        'reference': reference,
        'name': name,
        'region_code': region_code,
        'classification': classification,
        'status': status,
        'priority': priority,
        'area_m2': cast(round(area_square_metres) as bigint),
        'released_m2': cast(round(released_square_metres) as bigint))) as character varying));
