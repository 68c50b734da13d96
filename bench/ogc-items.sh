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
jar=$(realpath "$(ls target/custodian-*.jar | grep -v plain | head -n 1)")
java_home=${JAVA_HOME:-}
for jdk in /usr/lib/jvm/*; do
  "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && java_home=$jdk
done
pgjar=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort -V | tail -n 1)
psql="psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q"

$psql -c "drop database if exists $db with (force)" postgres
$psql -c "create database $db" postgres
$psql -c "create extension postgis" $db
dir=$(mktemp -d)
CUSTODIAN_ADMIN_PASSWORD=benchmark-password "$java_home/bin/java" -jar "$jar" --server.port="$port" \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" >"$dir/log" 2>&1 &
app=$!
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null; $psql -c "drop database if exists $db with (force)" postgres; rm -rf "$dir"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.5; done

echo "adding 100,000 synthetic hazard polygons"
$psql $db <<'SQL'
insert into mine_hazard_area (reference, name, region_code, classification, status, priority, area,
    area_square_metres, released_square_metres, recorded_on)
select 'BENCH-' || g, 'Synthetic hazard area ' || g, 'FZL', 'SHA', 'SUSPECTED', 'LOW',
    ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(45.8 + random() * 1.7, 38.9 + random() * 1.5), 4326), 0.002, 2)),
    120000, 0, date '2024-01-01'
from generate_series(1, 100000) g;
analyze mine_hazard_area;
SQL
token=$(curl -sf -u admin:benchmark-password -H 'Content-Type: application/json' -d '{"name":"benchmark"}' \
  "http://127.0.0.1:$port/api/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $("$java_home/bin/java" -version 2>&1 | head -n 1)"
"$java_home/bin/java" -cp "$pgjar" bench/OgcItemsBenchmark.java "http://127.0.0.1:$port" "$token" \
  "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" "$seconds"
