-- Backlog imports (Jira, GitHub, Trello) running in the background: state, progress and the report.
create table backlog_import_jobs (
    id               varchar(36)    not null primary key,
    product_key      varchar(10)    not null references products (product_key),
    source           varchar(10)    not null,
    state            varchar(10)    not null,
    total_items      int            not null default 0,
    done_items       int            not null default 0,
    cancel_requested boolean        not null default false,
    report           varchar(1000000),
    error            varchar(20000),
    created_by       bigint         not null references users (id),
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone
);
create index backlog_import_jobs_product_idx on backlog_import_jobs (product_key, created_at);
