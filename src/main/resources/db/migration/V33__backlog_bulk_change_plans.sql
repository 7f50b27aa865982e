-- A bulk change may set the items' release and sprint (planning's): what each item had before and right after, for
-- the undo. No foreign keys: a release or sprint deleted since makes the undo refuse, it does not block the delete.
alter table bulk_change_items add column plan_changed boolean default false not null;
alter table bulk_change_items add column release_before bigint;
alter table bulk_change_items add column sprint_before bigint;
alter table bulk_change_items add column release_after bigint;
alter table bulk_change_items add column sprint_after bigint;
