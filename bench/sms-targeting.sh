#!/usr/bin/env bash
# SMS targeting: 1,000,000 subscriber points and a 500-vertex area. The in-memory grid of the alerts module
# (RecipientIndex) side by side with PostGIS ST_Contains over a GiST index on the same points, in one run,
# and the two recipient sets compared (TargetingBenchmark.java, in the test sources).
# Needs: a local PostgreSQL with PostGIS where user postgres may create databases (trust auth), a JDK 21+,
# and the test classes built (./mvnw -q test-compile). Usage: bench/sms-targeting.sh [points] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
points=${1:-1000000}
runs=${2:-15}
db=custodian_bench_sms_targeting
psql="psql -h 127.0.0.1 -U postgres -q"
java_home=${JAVA_HOME:-}
for jdk in /usr/lib/jvm/*; do
  "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && java_home=$jdk
done
$psql -c "drop database if exists $db" postgres
$psql -c "create database $db" postgres
$psql -c "create extension postgis" $db
trap '$psql -c "drop database if exists $db" postgres' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
"$java_home/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.custodian.alerts.sms.TargetingBenchmark "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" "$points" "$runs"
