#!/usr/bin/env bash
# Incidents on PostGIS: 100,000 synthetic incidents, then a filtered page (region + type + month) and the
# map layer for one region, each side by side with the equivalent raw SQL (IncidentsBenchmark.java).
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+. Usage: bench/incidents.sh [seconds per measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-15}
port=${PORT:-18097}
db=custodian_bench_incidents
source bench/scratch-app.sh

echo "adding 100,000 synthetic incidents, spread over the regions, types and 2021-2024"
$psql $db <<'SQL'
insert into incident (reference, region_code, type, occurred_at, time_precision, location, geo_precision,
    description, killed_civilian, injured_military, ceasefire_violation, status)
select 'BENCH-' || g, r.code,
    (array['MINE_EXPLOSION','ARMED_ATTACK','SHELLING','CEASEFIRE_VIOLATION','TERRORISM','SABOTAGE','ESPIONAGE','PUBLIC_ORDER','OTHER'])[1 + (g % 9)],
    timestamptz '2021-01-01' + (random() * interval '4 years'), 'EXACT',
    ST_SetSRID(ST_MakePoint(ST_XMin(r.boundary) + random() * (ST_XMax(r.boundary) - ST_XMin(r.boundary)),
                            ST_YMin(r.boundary) + random() * (ST_YMax(r.boundary) - ST_YMin(r.boundary))), 4326),
    'EXACT', 'Synthetic incident ' || g, g % 3, g % 2, g % 4 = 0, 'REPORTED'
from generate_series(1, 100000) g
join (select code, boundary, row_number() over (order by code) - 1 as n from territory_region) r
  on r.n = g % (select count(*) from territory_region);
analyze incident;
SQL
"$java" -cp "$pgjar" bench/IncidentsBenchmark.java "http://127.0.0.1:$port" "$token" "$url" AGD "$seconds"
