-- Each incident kept as the GeoJSON Feature its map layer and OGC API pages serve (see the PostgreSQL
-- migration of the same version).
alter table incident add column feature_geojson character varying generated always as (cast(json_object(
    'type': 'Feature',
    'id': cast(id as character varying),
    'geometry': ST_AsGeoJSON(location, 8) format json,
    'properties': json_object(
        'name': reference || ' ' || replace(lower(type), '_', ' '),
        'reference': reference,
        'type': type,
        'occurred_at': formatdatetime(occurred_at, 'yyyy-MM-dd''T''HH:mm:ss', 'en', 'UTC')
            || case
                when extract(microsecond from occurred_at) = 0 then ''
                when mod(extract(microsecond from occurred_at), 1000) = 0
                    then '.' || lpad(cast(extract(microsecond from occurred_at) / 1000 as character varying), 3, '0')
                else '.' || lpad(cast(extract(microsecond from occurred_at) as character varying), 6, '0')
               end || 'Z',
        'region_code': region_code,
        'killed': killed_civilian + killed_police + killed_military + killed_deminer,
        'injured': injured_civilian + injured_police + injured_military + injured_deminer,
        'status': status)) as character varying));
