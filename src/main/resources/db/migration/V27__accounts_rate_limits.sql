-- The one rate limiter (accounts.RateLimiter): a counter row per limit, key (an address, an e-mail) and
-- fixed window, changed only by single atomic statements, so a limit holds across threads and nodes.
-- window_start is the window's number (epoch seconds / window length); rows are purged after expires_at.
create table rate_limits (
    bucket       varchar(40)  not null,
    subject      varchar(320) not null,
    window_start bigint       not null,
    hits         int          not null,
    expires_at   timestamp with time zone not null,
    constraint rate_limits_pk primary key (bucket, subject, window_start)
);
create index rate_limits_expiry_idx on rate_limits (expires_at);
