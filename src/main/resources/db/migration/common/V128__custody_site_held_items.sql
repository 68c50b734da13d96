-- How many items each site holds, kept by the database as items come and go (V129's trigger), so that a write
-- into a site reads it with the site's lock instead of counting the site's items every time.
alter table custody_site add column held_items bigint default 0 not null;
update custody_site s set held_items = (select count(*) from custody_item i where i.site_id = s.id and i.status = 'IN_CUSTODY');
