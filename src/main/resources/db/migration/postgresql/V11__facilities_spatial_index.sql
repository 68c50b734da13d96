create index facility_geometry on facility using gist (geometry);
