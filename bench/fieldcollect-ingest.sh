#!/usr/bin/env bash
# Field collection ingest on PostGIS, in one run: SENDERS concurrent devices (8) POST submissions of the
# ordnance-find form through a device key's OpenRosa URL, each with one 200 kB photo, a share of them (10%)
# replays of an instance already sent; then exact deduplication is checked (stored submissions = distinct
# instanceIDs sent); beside it, the raw JDBC INSERT rate of the same rows, and the same with the two audit
# entries appended under the audit chain's head lock as the product does (FieldcollectIngestBenchmark.java).
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+.
# Usage: bench/fieldcollect-ingest.sh [seconds per run] [senders] [replay percent]
# JFR=1 records a flight recording of the app during the measured run (target/fieldcollect-ingest.jfr).
# WARMUP=<seconds> (15 by default): on 2 cores shared with PostgreSQL and the senders, C2 still compiles the request
# path through a 30 s run after 15 s of warm-up; a minute or more measures the code settled.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
senders=${2:-8}
replays=${3:-10}
port=${PORT:-18097}
db=custodian_bench_fieldcollect
source bench/scratch-app.sh
bench="$java -cp $pgjar bench/FieldcollectIngestBenchmark.java"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
key=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"name":"Benchmark phone"}' \
  "http://127.0.0.1:$port/api/device-keys" | sed -E 's/.*"serverUrl":"([^"]+)".*/\1/')
printf '%-18s %8s %10s %14s %10s %10s %10s\n' peer senders sent 'per second' 'p50 ms' 'p99 ms' 'max ms'
$bench ingest "$key" "${WARMUP:-15}" "$senders" "$replays" "$url" >/dev/null # warm-up (the JIT compiler settles)
if [ "${JFR:-}" = 1 ]; then
  "$(dirname "$java")/jcmd" $app JFR.start name=ingest settings=profile filename="$PWD/target/fieldcollect-ingest.jfr" >/dev/null
fi
$bench ingest "$key" "$seconds" "$senders" "$replays" "$url"
if [ "${JFR:-}" = 1 ]; then "$(dirname "$java")/jcmd" $app JFR.stop name=ingest >/dev/null; fi
$bench raw "$url" "$seconds" "$senders"
$bench raw-audited "$url" "$seconds" "$senders"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# The cleanup scratch-app.sh set, run here so that the script ends with its own status.
trap - EXIT
kill $app; wait $app 2>/dev/null || true
$psql -c "drop database if exists $db with (force)" postgres
rm -rf "$scratch"
