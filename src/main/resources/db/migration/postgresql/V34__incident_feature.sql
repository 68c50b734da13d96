-- Each incident kept as the GeoJSON Feature its map layer and OGC API pages serve, written by the database
-- whenever the row changes (see V33 for hazard areas). The properties are those of IncidentLayer.feature,
-- which the OGC API tests compare one by one; occurred_at is written as Java's Instant writes it (ISO 8601
-- in UTC, with 3 or 6 decimals of the second when it has them).
create function incident_feature(
    id bigint, reference text, type text, occurred_at timestamp with time zone, region_code text, status text,
    killed integer, injured integer, location geometry)
returns text language sql immutable parallel safe
-- Immutable in fact: the time is written in UTC whatever the session's time zone.
return '{"type":"Feature","id":"' || id || '","geometry":' || ST_AsGeoJSON(location, 8)
    || ',"properties":{"name":' || to_json(reference || ' ' || replace(lower(type), '_', ' '))
    || ',"reference":' || to_json(reference) || ',"type":' || to_json(type)
    || ',"occurred_at":"' || to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
    || case
        when extract(microseconds from occurred_at)::bigint % 1000000 = 0 then ''
        when extract(microseconds from occurred_at)::bigint % 1000 = 0
            then '.' || lpad((extract(microseconds from occurred_at)::bigint % 1000000 / 1000)::text, 3, '0')
        else '.' || lpad((extract(microseconds from occurred_at)::bigint % 1000000)::text, 6, '0')
       end
    || 'Z","region_code":' || to_json(region_code) || ',"killed":' || killed || ',"injured":' || injured
    || ',"status":' || to_json(status) || '}}';

alter table incident add column feature_geojson text generated always as (incident_feature(
    id, reference, type, occurred_at, region_code, status,
    killed_civilian + killed_police + killed_military + killed_deminer,
    injured_civilian + injured_police + injured_military + injured_deminer, location)) stored;

-- As for hazard areas: pages are served to many clients at once, and parallel workers cost more to start
-- than they save on a page.
alter table incident set (parallel_workers = 0);
