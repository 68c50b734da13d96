-- PostGIS is not a trusted extension: a superuser creates it once (see README); then this does nothing.
CREATE EXTENSION IF NOT EXISTS postgis;
