#!/usr/bin/env bash
# The custody ledger on PostGIS, in one run: append rate through the API with 1 and 8 concurrent writers,
# then a chain of 1,000,000 events verified by the product's command-line verifier and by the chain check
# alone, side by side with raw SHA-256 over the same bytes (CustodyLedgerBenchmark.java).
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+. Usage: bench/custody-ledger.sh [seconds per append run]
# The peer of the appends: the same rows inserted over JDBC by as many writers, one commit each (raw), and as
# many rows a commit as a surrender's items for the surrenders.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
events=${EVENTS:-1000000}
port=${PORT:-18096}
db=custodian_bench_ledger
source bench/scratch-app.sh
bench="$java -cp target/classes:$pgjar bench/CustodyLedgerBenchmark.java"
sleep 3 # the demo's ordnance finds reach custody asynchronously

agency=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/agencies" | sed -E 's/^\[\{"id":([0-9]+).*/\1/')
new_site() {
  curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"name\":\"$1\",\"regionCode\":\"KHJ\",\"location\":{\"type\":\"Point\",\"coordinates\":[46.80,39.912]},\"capacity\":10000000,\"keeperAgencyId\":$agency}" \
    "http://127.0.0.1:$port/api/custody/sites" | sed -E 's/^\{"id":([0-9]+).*/\1/'
  echo
}
site=$(new_site "Benchmark store")
# A store for each writer as well: writes into one site queue on its lock (capacity and compatibility are
# judged against what it holds), writes into different sites do not.
sites=$(for w in 1 2 3 4 5 6 7 8; do new_site "Benchmark store $w"; done | grep . | paste -sd,)
# Warm-up: WARMUP seconds (30 by default) of registrations by 8 writers, then as long of surrenders, so that the
# runs measure the server compiled (with 5 s of one writer the JIT was still compiling through the runs). Into
# sites of its own, so the measured sites start empty.
warmup=${WARMUP:-30}
warm_sites=$(for w in 1 2 3 4 5 6 7 8; do new_site "Warm-up store $w"; done | grep . | paste -sd,)
$bench append "http://127.0.0.1:$port" "$token" "$warm_sites" "$warmup" 8 >/dev/null
$bench append "http://127.0.0.1:$port" "$token" "$warm_sites" "$warmup" 8 10 >/dev/null
$bench append "http://127.0.0.1:$port" "$token" "$site" "$seconds" 1
# JFR=1 records a flight recording of the app during the 8-writer run (target/custody-append.jfr), JFR=surrender
# during the surrenders' run (target/custody-surrender.jfr).
if [ "${JFR:-}" = 1 ]; then
  "$(dirname "$java")/jcmd" $app JFR.start name=append settings=profile filename="$PWD/target/custody-append.jfr" >/dev/null
fi
$bench append "http://127.0.0.1:$port" "$token" "$site" "$seconds" 8
# Where the machine's processor time goes during the 8 writers' registrations into their own sites: the app's
# and all PostgreSQL processes' (from the kernel, before and after), the client's (printed by the client).
ticks() { awk '{ s += $14 + $15 } END { print s }' "$@" 2>/dev/null || true; }
busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 }' /proc/stat; }
commits() { $psql -Atc "select xact_commit from pg_stat_database where datname = '$db'" postgres; }
# A seal round that linked custody events updates the ledger's head once.
rounds() { $psql -Atc "select n_tup_upd from pg_stat_user_tables where relname = 'custody_ledger_head'" $db; }
# STATEMENTS=1 prints what PostgreSQL ran during that run, statement by statement (needs pg_stat_statements in
# shared_preload_libraries).
if [ -n "${STATEMENTS:-}" ]; then
  $psql -c "create extension if not exists pg_stat_statements" postgres
  $psql -c "select pg_stat_statements_reset()" postgres >/dev/null
fi
sleep 1.5; tx0=$(commits); r0=$(rounds); all0=$(busy); app0=$(ticks /proc/$app/stat); pg0=$(ticks $(pgrep -x postgres | sed 's|.*|/proc/&/stat|'))
out=$($bench append "http://127.0.0.1:$port" "$token" "$sites" "$seconds" 8); echo "$out"
all1=$(busy); app1=$(ticks /proc/$app/stat); pg1=$(ticks $(pgrep -x postgres | sed 's|.*|/proc/&/stat|'))
sleep 1.5; tx1=$(commits); r1=$(rounds) # the statistics reach the views within a second or so
n=$(echo "$out" | sed -nE 's/.*: ([0-9]+) events in.*/\1/p')
# The machine's busy time (all processes, the kernel's interrupts included), in cores over the run: beside the
# app, PostgreSQL and the client, what else ran shows in it.
awk -v a=$((app1 - app0)) -v p=$((pg1 - pg0)) -v m=$((all1 - all0)) -v t=$((tx1 - tx0)) -v r=$((r1 - r0)) -v n="$n" -v s="$seconds" -v hz="$(getconf CLK_TCK)" \
  'BEGIN { printf "  app processor time: %.2f ms a request; PostgreSQL: %.2f ms a request; machine busy: %.2f cores of %d; %.2f commits a request, %.2f of them seal rounds\n",
    a * 1000 / hz / n, p * 1000 / hz / n, m / hz / s, '"$(nproc)"', t / n, r / n }'
if [ "${JFR:-}" = 1 ]; then "$(dirname "$java")/jcmd" $app JFR.stop name=append >/dev/null; fi
if [ -n "${STATEMENTS:-}" ]; then
  $psql -P pager=off -F ' | ' -Ac "select round(calls::numeric / $n, 3) as calls_a_request,
      round(((total_exec_time + total_plan_time) * 1000 / $n)::numeric, 1) as us_a_request,
      round(((total_exec_time + total_plan_time) * 1000 / calls)::numeric, 1) as us_a_call, left(regexp_replace(query, '\s+', ' ', 'g'), 150) as statement
    from pg_stat_statements s join pg_database d on d.oid = s.dbid where d.datname = '$db'
    order by total_exec_time + total_plan_time desc limit 20" postgres
fi
$bench raw "$url" "$seconds" 8
# Surrenders of SURRENDER items (10 by default) through the API, one event an item, beside raw INSERTs of as
# many rows a commit.
surrender=${SURRENDER:-10}
if [ "${JFR:-}" = surrender ]; then
  "$(dirname "$java")/jcmd" $app JFR.start name=append settings=profile filename="$PWD/target/custody-surrender.jfr" >/dev/null
fi
$bench append "http://127.0.0.1:$port" "$token" "$site" "$seconds" 8 "$surrender"
$bench append "http://127.0.0.1:$port" "$token" "$sites" "$seconds" 8 "$surrender"
if [ "${JFR:-}" = surrender ]; then "$(dirname "$java")/jcmd" $app JFR.stop name=append >/dev/null; fi
$bench raw "$url" "$seconds" 8 "$surrender"
curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/custody/verify"; echo
kill $app; wait $app 2>/dev/null || true
# APPEND_ONLY=1: the append rates alone, without the 1,000,000-event verification.
[ -n "${APPEND_ONLY:-}" ] && exit 0

$bench fill "$url" "$events"
for run in 1 2 3; do
  "$java" -jar "$jar" verify-custody-ledger --spring.datasource.url="$url" --logging.level.root=WARN | grep 'custody ledger'
done
$bench verify "$url" 5
