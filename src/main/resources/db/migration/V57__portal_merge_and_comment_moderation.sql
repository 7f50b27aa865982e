-- Issue 19, the portal's second half: a merged idea points at the idea it was merged into (it then redirects there),
-- comments can be held for review or marked spam, and a product names the statuses its visitors see.
alter table portal_ideas add column merged_into bigint references portal_ideas (id);
alter table portal_comments add column state varchar(10) not null default 'VISIBLE';
alter table portal_settings add column hold_new_comments boolean not null default false;
alter table portal_settings add column status_names varchar(1000) not null default '';
create index portal_ideas_merged_idx on portal_ideas (merged_into);
