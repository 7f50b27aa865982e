-- Single sign-on for a portal's visitors (issues 19 and 22): the workspace's OpenID providers
-- (accounts' registration ids, one per line) a product's portal offers on its sign-in page.
create table portal_sign_in_providers (
    product_key      varchar(10)   not null primary key references products (product_key) on delete cascade,
    registration_ids varchar(2000) not null default '',
    version          bigint        not null default 0,
    updated_at       timestamp with time zone not null
);
