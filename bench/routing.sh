#!/usr/bin/env bash
# Safe routes on a synthetic road grid (>= 200,000 edges over the demo area, 100 hazard squares, random
# origin-destination pairs) through GET /api/routes, side by side with pgRouting's pgr_dijkstra on the same
# graph in PostGIS with the edges near hazards filtered out in its SQL; then the time for a new hazard area to
# be reflected in routes (RoutingBenchmark.java). Installs Debian's pgRouting when missing.
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL 15 with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+. Usage: bench/routing.sh [pairs] [pgRouting pairs] [grid side]
set -euo pipefail
cd "$(dirname "$0")/.."
pairs=${1:-1000}
pgr_pairs=${2:-50}
side=${3:-320}
port=${PORT:-18099}
db=custodian_bench_routing
pg_major=$(psql -h 127.0.0.1 -U postgres -Atc 'show server_version_num' postgres | cut -c1-2)
if ! dpkg -s "postgresql-$pg_major-pgrouting" >/dev/null 2>&1; then
  apt-get install -y "postgresql-$pg_major-pgrouting" >/dev/null
fi
grid=$(mktemp -d)
java_home=${JAVA_HOME:-}
for jdk in /usr/lib/jvm/*; do
  "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && java_home=$jdk
done
"$java_home/bin/java" bench/RoutingBenchmark.java grid "$grid/grid.osm" "$side"
echo "grid file: $(du -h "$grid/grid.osm" | cut -f1)"
APP_ARGS="--custodian.routing.osm-file=$grid/grid.osm --custodian.routing.graph-folder=$grid/graph ${APP_ARGS:-}"
source bench/scratch-app.sh
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; $psql -c "drop database if exists $db with (force)" postgres; rm -rf "$scratch" "$grid"' EXIT
"$java" -cp "$pgjar" bench/RoutingBenchmark.java run "http://127.0.0.1:$port" "$token" "$url" "$side" "$pairs" "$pgr_pairs"
echo "resident set of the app: $(ps -o rss= -p $app | awk '{printf "%.0f MB", $1/1024}')"
