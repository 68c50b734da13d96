create spatial index mine_hazard_area_geometry on mine_hazard_area (area);
create spatial index mine_accident_location on mine_accident (location);
