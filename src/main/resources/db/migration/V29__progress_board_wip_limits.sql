-- Work-in-progress limits of the sprint board, per product and status column (set by the product owner). A status
-- without a row has no limit.
create table board_wip_limits (
    product_key varchar(10) not null references products (product_key),
    status      varchar(20) not null,
    wip_limit   int         not null,
    primary key (product_key, status)
);
