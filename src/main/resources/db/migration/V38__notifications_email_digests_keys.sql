-- E-mailed notifications. One row per person who was sent a daily digest: the moment the last digest covered up to,
-- written in the transaction that queues the digest mail, so a second run (or a second node) finds nothing new and
-- sends nothing twice.
create table notification_digests (
    user_id    bigint not null primary key references users (id) on delete cascade,
    sent_up_to timestamp with time zone not null
);

-- Keys the server makes once for itself and shares between its nodes (the HMAC key of one-click unsubscribe links).
-- Deleting a row makes a new key, and every link made with the old one stops working.
create table server_keys (
    name       varchar(40)  not null primary key,
    secret     varchar(100) not null,
    created_at timestamp with time zone not null
);
