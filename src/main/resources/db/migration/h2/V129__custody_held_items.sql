-- A site's held_items follows its items: an item held there (IN_CUSTODY) counts, whatever wrote it.
create trigger custody_item_held after insert, update, delete on custody_item
    for each row call 'org.custodian.custody.HeldItems';
