create index mine_hazard_area_geometry on mine_hazard_area using gist (area);
create index mine_accident_location on mine_accident using gist (location);
