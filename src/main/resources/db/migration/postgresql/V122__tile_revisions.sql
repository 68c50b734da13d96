-- Each layer drawn as vector tiles by the database has a revision that every committed change moves, so a node
-- may keep a tile it wrote under the revision it read and serve it again until the next change, on every node
-- alike (RenderedLayers). A writing statement, whoever sends it, takes the layer's advisory lock in shared mode
-- until its transaction ends (writers never wait for one another) and draws the next revision; a reader trusts
-- a revision only when it can take that lock exclusively just after reading it, that is when no writer of the
-- layer is in flight. No row is updated by every writer, so writers do not queue behind one another.
create sequence incident_revision;
create sequence mine_hazard_area_revision;
-- Drawn once, so that the first change moves last_value (a new sequence reads 1 before and after its first use).
select nextval('incident_revision'), nextval('mine_hazard_area_revision');

create function tile_layer_changed() returns trigger language plpgsql as $$
begin
    perform pg_advisory_xact_lock_shared(1953066341, hashtext(TG_TABLE_NAME));
    perform nextval(TG_TABLE_NAME || '_revision');
    return null;
end
$$;

create trigger incident_revision after insert or update or delete or truncate on incident
    for each statement execute function tile_layer_changed();
create trigger mine_hazard_area_revision after insert or update or delete or truncate on mine_hazard_area
    for each statement execute function tile_layer_changed();
