-- Live updates: what changed, written after the causing transaction committed, read by every node's poller and
-- sent to its connected browsers (server-sent events). The id is the stream's event id (Last-Event-ID), so a
-- reconnecting browser is sent what it missed. Rows are kept for minutes only (the live-prune task).
-- product_key: the product whose readers receive the event; user_id: set for one person's events (the bell).
create sequence live_events_seq;
create table live_events (
    id          bigint       not null primary key,
    product_key varchar(10),
    user_id     bigint,
    type        varchar(20)  not null,
    payload     varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index live_events_created_idx on live_events (created_at);
