-- Failed sign-ins against an account since its owner last signed in with the form, shown to the owner on
-- their next sign-in. Kept beside the account but written by plain updates: they are no change of the
-- account, and auditing each guess would let anyone grow the audit trail.
alter table platform_account add column failed_sign_ins integer not null default 0;
alter table platform_account add column last_failed_sign_in_at timestamp with time zone;
alter table platform_account add column last_failed_sign_in_from varchar(64);
alter table platform_account add column last_signed_in_at timestamp with time zone;
