-- Which node runs a scheduled job, and until when: one node at a time (ShedLock's table).
create table shedlock (
    name varchar(64) not null primary key,
    lock_until timestamp not null,
    locked_at timestamp not null,
    locked_by varchar(255) not null
);
