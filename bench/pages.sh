#!/usr/bin/env bash
# Each of the load run's six pages alone, signed in, warm, on PostGIS with the demo data: after a warm-up of
# WARMUP requests (20), REQUESTS (20) requests one after another; bytes, mean, p50 and slowest time, and the
# app's processor time per request (user + system, all its threads), which others' work on the machine does
# not change as it does the times.
# PAGES="/ /incidents" picks the pages. JFR=1 records the timed requests (target/pages.jfr).
# SQL=1 logs every statement of one request of each page (target/pages-sql/<page>.log, with counts).
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+.
# Usage: bench/pages.sh   (JAR=... times another build)
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18097}
db=custodian_bench_pages
pages=${PAGES:-/ /incidents /sources /mine-action /facilities /regions}
warmup=${WARMUP:-20}
requests=${REQUESTS:-20}
# Statements are logged on this database only, not the server's others.
if [ "${SQL:-}" = 1 ]; then DB_SETUP="alter database $db set log_min_duration_statement = 0"; fi
source bench/scratch-app.sh
jar_cookies=$(mktemp)
base="http://127.0.0.1:$port"
csrf=$(curl -sf -c "$jar_cookies" -b "$jar_cookies" "$base/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed -E 's/.*value="([^"]*)"/\1/')
curl -sf -o /dev/null -c "$jar_cookies" -b "$jar_cookies" --data-urlencode "_csrf=$csrf" \
  --data-urlencode username=admin --data-urlencode password=benchmark-password "$base/login"
get() { curl -s -o /dev/null -b "$jar_cookies" -H 'Accept: text/html' -w "$1" "$base$2"; }
for page in $pages; do
  status=$(get '%{http_code}' "$page")
  [ "$status" = 200 ] || { echo "$page: HTTP $status" >&2; exit 1; }
  for _ in $(seq "$warmup"); do get '' "$page"; done
done
if [ "${JFR:-}" = 1 ]; then
  "$(dirname "$java")/jcmd" $app JFR.start name=pages settings=profile filename="$PWD/target/pages.jfr" >/dev/null
fi
cpu() { awk '{ print $14 + $15 }' "/proc/$app/stat"; }
tick_ms=$((1000 / $(getconf CLK_TCK)))
printf '%-14s %10s %10s %10s %10s %10s\n' page bytes 'mean ms' 'p50 ms' 'max ms' 'cpu ms'
for page in $pages; do
  before=$(cpu)
  times=$(for _ in $(seq "$requests"); do get '%{time_total}\n' "$page"; done | sort -n)
  used=$(( ($(cpu) - before) * tick_ms ))
  bytes=$(curl -s -b "$jar_cookies" -H 'Accept: text/html' "$base$page" | wc -c)
  echo "$times" | awk -v page="$page" -v bytes="$bytes" -v cpu="$used" -v n="$requests" '{ t[NR] = $1 * 1000; s += t[NR] }
    END { printf "%-14s %10d %10.1f %10.1f %10.1f %10.1f\n", page, bytes, s / NR, t[int((NR + 1) / 2)], t[NR], cpu / n }'
done
if [ "${JFR:-}" = 1 ]; then "$(dirname "$java")/jcmd" $app JFR.stop name=pages >/dev/null; fi
if [ "${SQL:-}" = 1 ]; then
  # One more request of each page, its statements read from the server's log (SQL_LOG) by offset.
  mkdir -p target/pages-sql
  sql_log=${SQL_LOG:-/var/log/postgresql/postgresql-15-main.log}
  for page in $pages; do
    name=$(echo "$page" | tr '/' '_')
    before=$(stat -c %s "$sql_log")
    get '' "$page"
    sleep 1
    tail -c +"$((before + 1))" "$sql_log" | grep -a "[@ ]$db " | grep -aE 'duration: .* (execute [^:]*|statement): ' \
      > "target/pages-sql/$name.log" || true
    echo "$page: $(wc -l < "target/pages-sql/$name.log") statements"
  done
fi
rm -f "$jar_cookies"
