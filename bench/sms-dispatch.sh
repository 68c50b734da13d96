#!/usr/bin/env bash
# SMS dispatch: the same N messages to a loopback jSMPP SMSC (127.0.0.1), by a bare jSMPP client with W
# submits in flight and through the application's durable outbox on PostgreSQL with the same window, one
# warm-up each, then R rounds alternating which goes first (DispatchBenchmark.java, in the test sources). Needs: a local PostgreSQL with PostGIS where user postgres
# may create databases (trust auth), a JDK 21+, the test classes built (./mvnw -q test-compile).
# Usage: bench/sms-dispatch.sh [messages] [window] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-50000}
window=${2:-16}
rounds=${3:-3}
db=custodian_bench_sms_dispatch
psql="psql -h 127.0.0.1 -U postgres -q"
java_home=${JAVA_HOME:-}
for jdk in /usr/lib/jvm/*; do
  "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])' && java_home=$jdk
done
$psql -c "drop database if exists $db" postgres
$psql -c "create database $db" postgres
$psql -c "create extension postgis" $db
trap '$psql -c "drop database if exists $db with (force)" postgres' EXIT
./mvnw -B -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
"$java_home/bin/java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  org.custodian.alerts.sms.DispatchBenchmark "jdbc:postgresql://127.0.0.1:5432/$db?user=postgres" "$messages" "$window" "$rounds"
