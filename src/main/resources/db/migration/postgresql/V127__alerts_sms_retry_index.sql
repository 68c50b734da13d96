-- Retries only: first attempts are found through their release's claimed ranges (V126).
drop index alerts_sms_message_queued;
create index alerts_sms_message_retry on alerts_sms_message (next_attempt_at, id)
    where status = 'QUEUED' and attempts > 0;
