-- Where an imported item came from, so that importing the same file again adds nothing.
create table item_external_keys (
    item_id      bigint       not null primary key references items (id) on delete cascade,
    product_key  varchar(10)  not null references products (product_key),
    source       varchar(20)  not null,
    external_key varchar(200) not null
);
create unique index item_external_keys_uq on item_external_keys (product_key, source, external_key);
