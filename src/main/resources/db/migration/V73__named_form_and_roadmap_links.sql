-- Public forms and read-only roadmap links get a name (whom or where it was shared with),
-- feedback remembers the form it came through, and a roadmap link counts its openings.
alter table public_forms add column name varchar(100);
alter table roadmap_links add column name varchar(100);
alter table roadmap_links add column opened_count integer default 0 not null;
alter table roadmap_links add column last_opened_at timestamp with time zone;
alter table feedback add column public_form_id bigint references public_forms (id);
create index feedback_public_form_idx on feedback (public_form_id);
