-- Release notes as published (Markdown), edited from a draft generated out of the release's done items.
create table release_notes (
    release_id   bigint not null primary key references releases (id) on delete cascade,
    markdown     text   not null,
    published_at timestamp with time zone not null,
    published_by bigint not null references users (id)
);
