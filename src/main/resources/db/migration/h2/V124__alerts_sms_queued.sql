-- One message per recipient of a CAP message, by one unique index (the stable message id derives from the two).
-- PostgreSQL also trades the status indexes for partial ones here; H2 has no partial indexes and keeps them.
drop index alerts_sms_message_stable;
drop index alerts_sms_message_identifier;
create unique index alerts_sms_message_recipient on alerts_sms_message (identifier, subscriber_id);
