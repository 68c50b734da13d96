-- Past custody events are never changed or removed: the database refuses it, whoever asks.
create function custody_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_level = 'ROW' then
        raise exception 'custody events are append-only: % of event % refused', tg_op, old.seq;
    end if;
    raise exception 'custody events are append-only: % refused', tg_op;
end;
$$;
create trigger custody_event_append_only before update or delete on custody_event
    for each row execute function custody_event_append_only();
create trigger custody_event_no_truncate before truncate on custody_event
    for each statement execute function custody_event_append_only();
create index custody_site_location on custody_site using gist (location);
