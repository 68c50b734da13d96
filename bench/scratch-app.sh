# Sourced by the harnesses: starts the packaged jar on a scratch PostGIS database named $db on port $port,
# waits until it is healthy, and drops the database on exit. Sets java, jar, pgjar, psql, url, app.
# JAR=... starts another jar; APP_ARGS=... adds application arguments (settings); DB_SETUP=... is SQL run on
# the new database before the app starts (for example a setting of its sessions).
jar=$(realpath "${JAR:-$(ls target/custodian-*.jar | grep -v plain | head -n 1)}")
source bench/tools.sh
url="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"

$psql -c "drop database if exists $db with (force)" postgres
$psql -c "create database $db" postgres
$psql -c "create extension postgis" "$db"
if [ -n "${DB_SETUP:-}" ]; then $psql -c "$DB_SETUP" "$db"; fi
scratch=$(mktemp -d)
CUSTODIAN_ADMIN_PASSWORD=benchmark-password "$java" -jar "$jar" --server.port="$port" \
  --spring.datasource.url="$url" --custodian.integrity.directory="$scratch/integrity" \
  --custodian.backup.directory="$scratch/backups" ${APP_ARGS:-} >"$scratch/log" 2>&1 &
app=$!
# The app ends by the signal, so its wait fails: with errexit that would end the trap before the drop.
trap 'kill $app 2>/dev/null; wait $app 2>/dev/null || true; $psql -c "drop database if exists $db with (force)" postgres; rm -rf "$scratch"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q UP; do sleep 0.5; done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); java: $("$java" -version 2>&1 | head -n 1); $(psql -h 127.0.0.1 -U postgres -Atc 'select version()' postgres | cut -d, -f1)"
token=$(curl -sf -u admin:benchmark-password -H 'Content-Type: application/json' -d '{"name":"benchmark"}' \
  "http://127.0.0.1:$port/api/tokens" | sed -E 's/.*"secret":"([^"]+)".*/\1/')
