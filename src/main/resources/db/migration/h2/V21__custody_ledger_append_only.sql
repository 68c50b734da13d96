-- Past custody events are never changed or removed: the database refuses it, whoever asks.
create trigger custody_event_append_only before update, delete on custody_event
    for each row call 'org.custodian.custody.LedgerAppendOnly';
create spatial index custody_site_location on custody_site (location);
