-- Retries only: first attempts are found through their release's claimed ranges (V126). H2 has no partial
-- indexes: retries are found through status, attempts and when they fall due.
drop index alerts_sms_message_due;
create index alerts_sms_message_retry on alerts_sms_message (status, attempts, next_attempt_at);
