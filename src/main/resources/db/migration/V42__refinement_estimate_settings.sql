-- Whether a product's estimates are suggested from its history: on or off when the product owner chose; no row means
-- automatic (on when the suggestions beat the product's median on its own finished items, left one out at a time).
create table estimate_settings (
    product_key varchar(10) not null primary key references products (product_key),
    suggest     boolean     not null
);
