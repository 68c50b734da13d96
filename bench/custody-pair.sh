#!/usr/bin/env bash
# Two builds of the app side by side, for the custody ledger's goal case: registrations by 8 writers into sites of
# their own. Both run at once on scratch PostGIS databases, each warmed the same way, then ROUNDS rounds follow,
# each measuring A then B or B then A in turn, one app loaded at a time. On a shared machine whose speed drifts
# from minute to minute, this compares the builds under the same conditions where separate runs cannot.
# Each measurement prints the rate, the latency, and the processor time a registration of the measured app, of
# all PostgreSQL processes and of the client (from the kernel). Raw INSERTs of the same rows (the peer) are
# measured once between the rounds.
# Usage: JAR_A=... JAR_B=... bench/custody-pair.sh [rounds] [seconds]   (WARMUP= seconds, 30 by default; ARGS_A=
# and ARGS_B= add application arguments, for one build under two settings)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
seconds=${2:-15}
warmup=${WARMUP:-30}
source bench/tools.sh
bench="$java -cp target/classes:$pgjar bench/CustodyLedgerBenchmark.java"
scratch=$(mktemp -d)
declare -A pid port db token sites

start() { # name jar port args
  local name=$1 jar=$2 args=$4
  port[$name]=$3
  db[$name]=custodian_bench_pair_${name,,}
  $psql -c "drop database if exists ${db[$name]} with (force)" postgres
  $psql -c "create database ${db[$name]}" postgres
  $psql -c "create extension postgis" "${db[$name]}"
  mkdir -p "$scratch/$name"
  CUSTODIAN_ADMIN_PASSWORD=benchmark-password "$java" -jar "$(realpath "$jar")" --server.port="${port[$name]}" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/${db[$name]}?user=postgres" \
    --custodian.integrity.directory="$scratch/$name/integrity" --custodian.backup.directory="$scratch/$name/backups" \
    $args >"$scratch/$name/log" 2>&1 &
  pid[$name]=$!
}
stop() {
  for name in A B; do
    kill "${pid[$name]:-}" 2>/dev/null || true
    wait "${pid[$name]:-}" 2>/dev/null || true
    $psql -c "drop database if exists ${db[$name]:-none} with (force)" postgres
  done
  rm -rf "$scratch"
}
trap stop EXIT
start A "${JAR_A:?the first build}" 18097 "${ARGS_A:-}"
start B "${JAR_B:?the second build}" 18098 "${ARGS_B:-}"
for name in A B; do
  base="http://127.0.0.1:${port[$name]}"
  until curl -sf "$base/actuator/health" | grep -q UP; do sleep 0.5; done
  token[$name]=$(curl -sf -u admin:benchmark-password -H 'Content-Type: application/json' -d '{"name":"benchmark"}' \
    "$base/api/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
  agency=$(curl -sf -H "Authorization: Bearer ${token[$name]}" "$base/api/agencies" | sed -E 's/^\[\{"id":([0-9]+).*/\1/')
  new_sites() {
    for w in 1 2 3 4 5 6 7 8; do
      curl -sf -H "Authorization: Bearer ${token[$name]}" -H 'Content-Type: application/json' \
        -d "{\"name\":\"$1 $w\",\"regionCode\":\"KHJ\",\"location\":{\"type\":\"Point\",\"coordinates\":[46.80,39.912]},\"capacity\":10000000,\"keeperAgencyId\":$agency}" \
        "$base/api/custody/sites" | sed -E 's/^\{"id":([0-9]+).*/\1/'
      echo
    done | grep . | paste -sd,
  }
  sites[$name]=$(new_sites "Benchmark store")
  warm=$(new_sites "Warm-up store")
  $bench append "$base" "${token[$name]}" "$warm" "$warmup" 8 >/dev/null
  $bench append "$base" "${token[$name]}" "$warm" "$warmup" 8 10 >/dev/null
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $("$java" -version 2>&1 | head -n 1); $($psql -Atc 'select version()' postgres | cut -d, -f1)"
echo "A: $JAR_A ${ARGS_A:-}"
echo "B: $JAR_B ${ARGS_B:-}"

ticks() { awk '{ s += $14 + $15 } END { print s }' "$@" 2>/dev/null || true; }
measure() { # name
  local name=$1
  sleep 1
  local app0 pg0 app1 pg1 out n
  app0=$(ticks /proc/${pid[$name]}/stat); pg0=$(ticks $(pgrep -x postgres | sed 's|.*|/proc/&/stat|'))
  out=$($bench append "http://127.0.0.1:${port[$name]}" "${token[$name]}" "${sites[$name]}" "$seconds" 8)
  app1=$(ticks /proc/${pid[$name]}/stat); pg1=$(ticks $(pgrep -x postgres | sed 's|.*|/proc/&/stat|'))
  n=$(echo "$out" | sed -nE 's/.*: ([0-9]+) events in.*/\1/p')
  echo "$out" | sed -nE "s/^append, 8 writers, one item a registration, 8 sites: [0-9]+ events in [0-9]+ s = ([0-9]+) events.*p50 ([0-9.]+) ms, p99 ([0-9.]+) ms/$name: \1 registrations\/s, p50 \2 ms, p99 \3 ms/p" | tr -d '\n'
  local client
  client=$(echo "$out" | sed -nE 's/.*client processor time: ([0-9.]+) ms.*/\1/p')
  awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v n="$n" -v c="$client" -v hz="$(getconf CLK_TCK)" \
    'BEGIN { printf "; app %.2f ms, PostgreSQL %.2f ms, client %.2f ms a registration\n", a * 1000 / hz / n, p * 1000 / hz / n, c }'
}
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) = 1 ]; then measure A; measure B; else measure B; measure A; fi
  if [ "$r" = 1 ]; then $bench raw "jdbc:postgresql://127.0.0.1:5432/${db[A]}?user=postgres" "$seconds" 8; fi
done
for name in A B; do
  printf '%s: ' "$name"
  curl -sf -H "Authorization: Bearer ${token[$name]}" "http://127.0.0.1:${port[$name]}/api/custody/verify" | sed -E 's/^\{"events":([0-9]+),"intact":(true|false).*/\1 events, intact: \2/'
  echo
done
