-- What a product's estimates and capacities count: story points (the default) or hours.
alter table products add column estimate_unit varchar(6) not null default 'POINTS';
