-- Backlog health (refinement.health). Each product's settings: how many items at the top of the backlog should be
-- ready, and after how many days an untouched open item is stale (no row: 20 and 90).
create table health_settings (
    product_key varchar(10) not null primary key references products (product_key),
    top_n       int         not null,
    stale_days  int         not null
);

-- The product's health score of each day (0 to 100) and how many findings it had, written by the daily task
-- `backlog-health` (the last run of a day wins). summarized: the weekly summary of that day was announced to the
-- product's owners (set by compare-and-set, so a rerun announces nothing twice). Derived data, left out of exports.
create table health_scores (
    product_key varchar(10) not null references products (product_key),
    score_day   date        not null,
    score       int         not null,
    findings    int         not null,
    summarized  boolean     not null default false,
    primary key (product_key, score_day)
);
