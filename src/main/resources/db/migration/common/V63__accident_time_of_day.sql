-- Many accident reports give the day only; the time of day is then not invented from the instant kept.
alter table mine_accident add column time_of_day_known boolean default true not null;
