-- An item found on a known day at an unknown hour keeps the day only; pages then show no invented clock time.
alter table custody_item add column found_time_known boolean default true not null;
