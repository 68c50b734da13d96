#!/usr/bin/env bash
# Hazard-area import through the API on PostGIS: for each count, a GeoJSON FeatureCollection of that many
# small squares inside region FZL (drawn by PostGIS from a fixed seed), uploaded to /api/hazard-areas/import
# on a fresh scratch database; prints the count, the HTTP status and the seconds the upload took.
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+.
# Usage: bench/hazard-import.sh [count ...]   (default 2000 10000 100000; give up on one after TIMEOUT s)
# The cap and deadline are raised so that the largest count is measured rather than refused:
# APP_ARGS='--custodian.mineaction.import-max-features=100000 --custodian.mineaction.import-deadline=30m'
set -euo pipefail
cd "$(dirname "$0")/.."
counts=${*:-2000 10000 100000}
timeout=${TIMEOUT:-900}
port=${PORT:-18098}
db=custodian_bench_import
source bench/scratch-app.sh

for n in $counts; do
  file="$scratch/import-$n.geojson"
  $psql -At "$db" >"$file" <<SQL
do \$\$ begin perform setseed(0.42); end \$\$;
select json_build_object('type', 'FeatureCollection', 'features', json_agg(json_build_object(
    'type', 'Feature',
    'geometry', ST_AsGeoJSON(ST_Expand(p.geom, 0.0002), 7)::json,
    'properties', json_build_object('name', 'Benchmark survey ' || p.path[1], 'classification', 'SHA',
        'contamination', 'AP_MINE', 'recorded_on', '2024-06-02'))))
from territory_region r, ST_Dump(ST_GeneratePoints(ST_Buffer(r.boundary, -0.01), $n, 42)) p
where r.code = 'FZL';
SQL
  result=$(curl -s -o "$scratch/report-$n.json" -w '%{http_code} %{time_total}' --max-time "$timeout" \
    -H "Authorization: Bearer $token" -F "file=@$file;filename=import-$n.geojson" \
    "http://127.0.0.1:$port/api/hazard-areas/import?region=FZL" || echo "gave-up $timeout")
  echo "features: $n  status and seconds: $result"
done
