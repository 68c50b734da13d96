#!/usr/bin/env bash
# The daily situation report's PDF for a region holding 10,000 records, on PostGIS: RECORDS synthetic incidents
# (10,000) in the region over the 30 days before the report's day, beside the demo's other records; then RUNS
# requests of the region's report for that day as PDF (and as HTML), each timed by curl, after one warm-up.
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may create
# databases (trust auth), curl, a JDK 21+. Usage: bench/sitrep.sh [runs] [region] [day]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
region=${2:-KHJ}
day=${3:-2023-09-20}
records=${RECORDS:-10000}
port=${PORT:-18099}
db=custodian_bench_sitrep
source bench/scratch-app.sh
echo "adding $records synthetic incidents to $region over the 30 days before $day"
$psql $db <<SQL
insert into incident (reference, region_code, type, occurred_at, time_precision, location, geo_precision,
    description, killed_civilian, injured_military, ceasefire_violation, status)
select 'BENCH-' || g, r.code,
    (array['MINE_EXPLOSION','ARMED_ATTACK','SHELLING','CEASEFIRE_VIOLATION','TERRORISM','SABOTAGE','ESPIONAGE','PUBLIC_ORDER','OTHER'])[1 + (g % 9)],
    timestamptz '$day' - (random() * interval '30 days'), 'EXACT',
    ST_SetSRID(ST_MakePoint(ST_XMin(r.boundary) + random() * (ST_XMax(r.boundary) - ST_XMin(r.boundary)),
                            ST_YMin(r.boundary) + random() * (ST_YMax(r.boundary) - ST_YMin(r.boundary))), 4326),
    'EXACT', 'Synthetic incident ' || g, g % 3, g % 2, g % 4 = 0, 'REPORTED'
from generate_series(1, $records) g, territory_region r where r.code = '$region';
analyze incident;
SQL
echo "incidents in $region: $($psql -Atc "select count(*) from incident where region_code = '$region'" $db)"
for format in pdf html; do
  report="http://127.0.0.1:$port/api/reports/sitrep?region=$region&date=$day&format=$format"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "$report" # warm-up
  times=()
  for i in $(seq "$runs"); do
    t=$(curl -sf -o "$scratch/sitrep.$format" -w '%{time_total}' -H "Authorization: Bearer $token" "$report")
    times+=("$t")
  done
  printf '%s: %s bytes; seconds: %s\n' "$format" "$(stat -c %s "$scratch/sitrep.$format")" "${times[*]}"
done
