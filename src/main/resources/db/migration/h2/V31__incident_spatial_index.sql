create spatial index incident_location on incident (location);
