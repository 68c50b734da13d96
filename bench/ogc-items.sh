#!/usr/bin/env bash
# OGC API items vs raw SQL on PostGIS, side by side: creates a scratch database with PostGIS, starts the
# packaged jar on it, adds 100,000 synthetic hazard polygons, and runs OgcItemsBenchmark.java.
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+. Usage: bench/ogc-items.sh [seconds per measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
port=${PORT:-18095}
db=custodian_bench
source bench/scratch-app.sh

echo "adding 100,000 synthetic hazard polygons"
# A fixed seed: the same polygons every run, and more than a page of them in the benchmark's box.
$psql $db <<'SQL'
do $$ begin perform setseed(0.42); end $$;
insert into mine_hazard_area (reference, name, region_code, classification, status, priority, area,
    area_square_metres, released_square_metres, recorded_on)
select 'BENCH-' || g, 'Synthetic hazard area ' || g, 'FZL', 'SHA', 'SUSPECTED', 'LOW',
    ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(45.8 + random() * 1.7, 38.9 + random() * 1.5), 4326), 0.002, 2)),
    120000, 0, date '2024-01-01'
from generate_series(1, 100000) g;
analyze mine_hazard_area;
SQL
"$java" -cp "$pgjar" bench/OgcItemsBenchmark.java "http://127.0.0.1:$port" "$token" \
  "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" "$seconds"
