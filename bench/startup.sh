#!/usr/bin/env bash
# Cold start of the packaged jar on the embedded default (H2 + H2GIS in ./data) until /actuator/health
# answers UP with the demo scenario loaded, then the heap in use after a full GC and the resident set.
# Each run starts from an empty data folder. Usage: bench/startup.sh [runs] [extra JVM options...]
# Needs: the jar (./mvnw -q package -DskipTests), curl, and a JDK 21+ (JAVA_HOME or /usr/lib/jvm).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
shift || true
jar=$(realpath "${JAR:-$(ls target/custodian-*.jar | grep -v plain | head -n 1)}")
port=${PORT:-18080}

java_home=${JAVA_HOME:-}
if [ -z "$java_home" ] || ! "$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; then
  for jdk in /usr/lib/jvm/*; do
    "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && java_home=$jdk
  done
fi
java="$java_home/bin/java"
echo "jar: $jar"
echo "java: $("$java" -version 2>&1 | head -n 1)"
echo "jvm options: ${*:-(defaults)}"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GiB"
printf '%-4s %12s %12s %14s %10s\n' run healthy_s started_s heap_used_MB rss_MB

for run in $(seq 1 "$runs"); do
  dir=$(mktemp -d)
  start=$(date +%s%N)
  (cd "$dir" && CUSTODIAN_ADMIN_PASSWORD=benchmark-password exec "$java" "$@" -jar "$jar" --server.port="$port" >"$dir/log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "the app died; see $dir/log" >&2; exit 1; fi
    sleep 0.2
  done
  healthy=$(( ($(date +%s%N) - start) / 1000000 ))
  grep -q "Loaded the demo scenario" "$dir/log" || { echo "demo not loaded when healthy" >&2; exit 1; }
  # What Spring Boot itself reports as the process's start-up time, for comparison.
  started=$(grep -oE 'process running for [0-9.]+' "$dir/log" | grep -oE '[0-9.]+$')
  jpid=$(pgrep -f -- "--server.port=$port" | head -n 1)
  "$java_home/bin/jcmd" "$jpid" GC.run >/dev/null
  used_kb=$("$java_home/bin/jcmd" "$jpid" GC.heap_info | grep -oE 'used [0-9]+K' | head -n 1 | grep -oE '[0-9]+')
  rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$jpid/status")
  printf '%-4s %12.2f %12.2f %14.1f %10.1f\n' "$run" "$(echo "$healthy/1000" | bc -l)" "$started" "$(echo "$used_kb/1024" | bc -l)" "$(echo "$rss_kb/1024" | bc -l)"
  kill "$jpid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
done
