create index incident_location on incident using gist (location);
