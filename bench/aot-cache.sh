#!/usr/bin/env bash
# Prepares the faster production launch: the jar extracted (no nested-jar class loading) and a JDK 25
# ahead-of-time cache recorded from one training start (JEP 514). Usage: bench/aot-cache.sh [folder]
# Then: java -XX:AOTCache=<folder>/app.aot -jar <folder>/custodian-<version>.jar
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-target/aot}")
jar=$(ls target/custodian-*.jar | grep -v plain | head -n 1)
java_home=${JAVA_HOME:-}
for jdk in /usr/lib/jvm/*; do
  "$jdk/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' && java_home=$jdk
done
"$java_home/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])' || { echo "needs a JDK 25+" >&2; exit 1; }
rm -rf "$out" && mkdir -p "$out"
"$java_home/bin/java" -Djarmode=tools -jar "$jar" extract --destination "$out" >/dev/null
training=$(mktemp -d)
# The training start stops once the context is refreshed; it records the classes a start loads.
(cd "$training" && CUSTODIAN_ADMIN_PASSWORD=training-only-password "$java_home/bin/java" \
  -XX:AOTCacheOutput="$out/app.aot" -Dspring.context.exit=onRefresh -jar "$out/$(basename "$jar")" \
  --server.port=0 >"$training/log" 2>&1) || { cat "$training/log" >&2; exit 1; }
rm -rf "$training"
echo "$out/app.aot ($(du -h "$out/app.aot" | cut -f1))"
