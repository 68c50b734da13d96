-- The outbox's indexes, for dispatch at the SMSC's pace: every claim and every recorded outcome rewrites a
-- message row, and each full index costs an entry per rewrite.
-- Claims read only the queued messages, in the order they fall due: scanning by id past every message already
-- sent cost more with each one (35 ms a claim half-way through 50,000).
-- No index leads with status any more: with statistics from before a release (no message SENDING), the planner
-- walked every SENDING row once per outcome it recorded, instead of finding each by its id.
-- One message per recipient of a CAP message is kept by one unique index; the stable message id derives from the
-- two, so it needs none of its own. A receipt for a message in doubt finds it through the partial index of those.
drop index alerts_sms_message_due;
drop index alerts_sms_message_stable;
drop index alerts_sms_message_identifier;
drop index alerts_sms_message_subscriber;
drop index alerts_sms_message_smsc;
create unique index alerts_sms_message_recipient on alerts_sms_message (identifier, subscriber_id);
create index alerts_sms_message_queued on alerts_sms_message (next_attempt_at, id) where status = 'QUEUED';
create index alerts_sms_message_sending on alerts_sms_message (claimed_at) where status = 'SENDING';
-- Receipts look messages up by the SMSC's id, which a message has only once submitted.
create index alerts_sms_message_smsc on alerts_sms_message (smsc_message_id) where smsc_message_id is not null;
create index alerts_sms_message_unconfirmed on alerts_sms_message (subscriber_id) where status = 'UNCONFIRMED';
