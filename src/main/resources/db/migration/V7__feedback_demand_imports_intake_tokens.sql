-- Demand per item, kept up to date by the feedback module whenever links, merges or customers change,
-- so that the backlog can sort and filter by it and prioritization can read it without aggregating.
-- revenue is the total in currency (the currency most of the item's customers report revenue in).
create table item_demand (
    item_id    bigint        not null primary key references items (id) on delete cascade,
    customers  int           not null,
    importance int           not null,
    revenue    numeric(17, 2),
    currency   varchar(3),
    feedback   int           not null,
    updated_at timestamp with time zone not null
);

-- Imports running in the background: progress and a cancel request that any node can see.
create table import_jobs (
    id               varchar(36)  not null primary key,
    product_key      varchar(10)  not null references products (product_key),
    format           varchar(4)   not null,
    state            varchar(10)  not null,
    total_rows       int          not null default 0,
    done_rows        int          not null default 0,
    cancel_requested boolean      not null default false,
    result           varchar(200000),
    error            varchar(20000),
    created_by       bigint       not null references users (id),
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone
);
create index import_jobs_product_idx on import_jobs (product_key, created_at);

-- Intake-only tokens may do nothing but submit feedback.
alter table api_tokens alter column scope set data type varchar(10);
