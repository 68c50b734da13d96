#!/usr/bin/env bash
# Many signed-in users at once on PostGIS with the demo data: each mixes pages, API lists, map tiles, map
# layers and OGC items at random for the given time; p50/p99 and the error rate per kind (LoadBenchmark.java).
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+. Run it on an otherwise idle machine.
# Usage: bench/load.sh [users] [seconds]   (default 200 users, 300 s); JAR=... runs another build.
# JFR=1 records a flight recording of the app during the run (target/load.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
users=${1:-200}
seconds=${2:-300}
port=${PORT:-18097}
db=custodian_bench_load
# Room for every user's connection, and the sign-in throttle does not count the users' successful sign-ins.
APP_ARGS="--server.tomcat.threads.max=$((users + 50)) --server.tomcat.max-connections=$((users + 100)) ${APP_ARGS:-}"
source bench/scratch-app.sh
if [ "${JFR:-}" = 1 ]; then
  "$(dirname "$java")/jcmd" $app JFR.start name=load settings=profile filename="$PWD/target/load.jfr" >/dev/null
fi
status=0
"$java" bench/LoadBenchmark.java "http://127.0.0.1:$port" admin benchmark-password "$users" "$seconds" || status=$?
if [ "${JFR:-}" = 1 ]; then "$(dirname "$java")/jcmd" $app JFR.stop name=load >/dev/null; fi
exit $status
