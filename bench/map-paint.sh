#!/usr/bin/env bash
# First paint of the maps in Debian's headless Chromium, on PostGIS with the demo data: the operational map
# (every layer, every region) and a region's page (its map with every layer), RUNS cold loads each (a new
# browser context each), after one warm-up (MapPaintBenchmark.java). PAGES=/ measures the operational map alone.
# Needs: the jar (./mvnw -q package -DskipTests), Debian's chromium, a local PostgreSQL with PostGIS where user
# postgres may create databases (trust auth), curl, a JDK 21+. Usage: bench/map-paint.sh [runs] [region]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
region=${2:-KHJ}
port=${PORT:-18098}
db=custodian_bench_paint
source bench/scratch-app.sh
# Playwright for Java and its driver, as the browser tests use them.
cp=$(./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 "$java" -cp "$cp" bench/MapPaintBenchmark.java \
  "http://127.0.0.1:$port" admin benchmark-password "${PAGES:-/,/regions/$region}" "$runs"
