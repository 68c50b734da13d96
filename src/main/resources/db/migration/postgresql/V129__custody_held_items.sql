-- A site's held_items follows its items: an item held there (IN_CUSTODY) counts, whatever wrote it.
create function custody_item_held() returns trigger language plpgsql as $$
declare
    was_held boolean := tg_op <> 'INSERT' and old.status = 'IN_CUSTODY';
    is_held boolean := tg_op <> 'DELETE' and new.status = 'IN_CUSTODY';
begin
    if was_held and is_held and old.site_id = new.site_id then
        return null;
    end if;
    if was_held then
        update custody_site set held_items = held_items - 1 where id = old.site_id;
    end if;
    if is_held then
        update custody_site set held_items = held_items + 1 where id = new.site_id;
    end if;
    return null;
end;
$$;
create trigger custody_item_held after insert or update of status, site_id or delete on custody_item
    for each row execute function custody_item_held();
