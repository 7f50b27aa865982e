-- A product's customer portal (issue 19): on or off, its look, and who may enter it.
create table portal_settings (
    product_key     varchar(10)   not null primary key references products (product_key),
    enabled         boolean       not null default false,
    title           varchar(120)  not null default '',
    intro           varchar(4000) not null default '',
    colour          varchar(7)    not null default '#4f46e5',
    private_portal  boolean       not null default false,
    allowed_domains varchar(2000) not null default '',
    allowed_emails  varchar(8000) not null default '',
    categories      varchar(2000) not null default '',
    hold_new_ideas  boolean       not null default false,
    logo            bytea,
    logo_type       varchar(20),
    version         bigint        not null default 0,
    updated_at      timestamp with time zone not null
);
