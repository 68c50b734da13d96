#!/usr/bin/env bash
# Vector tiles on PostGIS: 100,000 synthetic incidents and 100,000 synthetic hazard polygons spread over the
# regions, then the tiles of a whole region at region zoom and of a district at street zoom, side by side with
# the raw ST_AsMVT statement over JDBC and with MapServer (Debian's cgi-mapserver) serving the same tables as
# MVT from a mapfile (TilesBenchmark.java).
# Needs: the jar (./mvnw -q package -DskipTests), a local PostgreSQL with PostGIS where user postgres may
# create databases (trust auth), curl, a JDK 21+, apt-get install -y cgi-mapserver mapserver-bin.
# Usage: bench/tiles.sh [seconds per measurement] [region]. Each of the 4 tiles is warmed up and measured for
# 4 peers at 1 and 8 clients: about 80 times the seconds in all (5 s: some 7 minutes), besides the set-up.
# ZOOMS=street measures the street-zoom tiles alone; JAR=... measures another build.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
region=${2:-AGD}
port=${PORT:-18083}
db=custodian_bench_tiles
test -x /usr/lib/cgi-bin/mapserv || { echo "apt-get install -y cgi-mapserver mapserver-bin first" >&2; exit 1; }
source bench/scratch-app.sh

echo "adding 100,000 synthetic incidents and 100,000 hazard polygons, spread over the regions"
$psql $db <<'SQL'
insert into incident (reference, region_code, type, occurred_at, time_precision, location, geo_precision,
    description, killed_civilian, injured_military, ceasefire_violation, status)
select 'BENCH-' || g, r.code,
    (array['MINE_EXPLOSION','ARMED_ATTACK','SHELLING','CEASEFIRE_VIOLATION','OTHER'])[1 + (g % 5)],
    timestamptz '2021-01-01' + (random() * interval '4 years'), 'EXACT',
    ST_SetSRID(ST_MakePoint(ST_XMin(r.boundary) + random() * (ST_XMax(r.boundary) - ST_XMin(r.boundary)),
                            ST_YMin(r.boundary) + random() * (ST_YMax(r.boundary) - ST_YMin(r.boundary))), 4326),
    'EXACT', 'Synthetic incident ' || g, g % 3, g % 2, g % 4 = 0, (array['REPORTED','VERIFIED','UNDER_REVIEW'])[1 + g % 3]
from generate_series(1, 100000) g
join (select code, boundary, row_number() over (order by code) - 1 as n from territory_region) r
  on r.n = g % (select count(*) from territory_region);
insert into mine_hazard_area (reference, name, region_code, classification, status, priority, area,
    area_square_metres, recorded_on)
select 'BENCH-HA-' || g, 'Synthetic hazard ' || g, r.code, (array['SHA','CHA'])[1 + g % 2],
    (array['SUSPECTED','CONFIRMED','IN_CLEARANCE','RELEASED'])[1 + g % 4], (array['HIGH','MEDIUM','LOW'])[1 + g % 3],
    ST_Multi(ST_Expand(ST_SetSRID(ST_MakePoint(
        ST_XMin(r.boundary) + random() * (ST_XMax(r.boundary) - ST_XMin(r.boundary)),
        ST_YMin(r.boundary) + random() * (ST_YMax(r.boundary) - ST_YMin(r.boundary))), 4326), 0.0004)),
    5000, date '2024-06-02'
from generate_series(1, 100000) g
join (select code, boundary, row_number() over (order by code) - 1 as n from territory_region) r
  on r.n = g % (select count(*) from territory_region);
analyze incident;
analyze mine_hazard_area;
SQL

mapfile="$scratch/tiles.map"
cat >"$mapfile" <<MAPFILE
MAP
  NAME "custodian"
  EXTENT -20037508.34 -20037508.34 20037508.34 20037508.34
  SIZE 512 512
  PROJECTION "init=epsg:3857" END
  IMAGETYPE "mvt"
  OUTPUTFORMAT
    NAME "mvt"
    DRIVER MVT
    FORMATOPTION "EXTENT=4096"
    FORMATOPTION "EDGE_BUFFER=64"
  END
  WEB METADATA "wms_enable_request" "*" "wms_srs" "EPSG:3857" END END
  LAYER
    NAME "incidents"
    TYPE POINT
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=127.0.0.1 dbname=$db user=postgres"
    DATA "location from (select id, cast(id as text) as fid, type, status, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD') as date, location from incident) as t using unique id using srid=4326"
    PROJECTION "init=epsg:4326" END
    METADATA "gml_include_items" "fid,type,status,date" "gml_types" "auto" END
    # A layer draws only the features some class takes: one class taking every feature.
    CLASS END
  END
  LAYER
    NAME "hazard_areas"
    TYPE POLYGON
    STATUS ON
    CONNECTIONTYPE POSTGIS
    CONNECTION "host=127.0.0.1 dbname=$db user=postgres"
    DATA "area from (select id, cast(id as text) as fid, classification, status, priority, area from mine_hazard_area) as t using unique id using srid=4326"
    PROJECTION "init=epsg:4326" END
    METADATA "gml_include_items" "fid,classification,status,priority" "gml_types" "auto" END
    CLASS END
  END
END
MAPFILE
# MapServer 8 reads a configuration file first; without one it answers every request with an HTML error page.
cat >"$scratch/mapserver.conf" <<MSCONFIG
CONFIG
  ENV
    MS_MAPFILE "$mapfile"
  END
END
MSCONFIG
"$java" -cp "$pgjar" bench/TilesBenchmark.java "http://127.0.0.1:$port" "$token" "$url" "$scratch/mapserver.conf" "$region" \
  "$seconds"
