create spatial index facility_geometry on facility (geometry);
