-- A customer's name is unique within its product, compared normalised (name_key: trimmed, lower case), so
-- that parallel imports and creates converge on one row. Customers already stored more than once are merged
-- into the oldest row of their name: contacts and feedback move to it, empty fields are filled from the
-- duplicates, and the demand of the items their feedback is linked to is recomputed.
alter table customers add column name_key varchar(200);
update customers set name_key = lower(trim(name));

create table customer_merges (
    duplicate_id bigint not null primary key,
    keep_id      bigint not null
);
insert into customer_merges (duplicate_id, keep_id)
select c.id, (select min(k.id) from customers k where k.product_key = c.product_key and k.name_key = c.name_key)
from customers c
where exists (select 1 from customers k where k.product_key = c.product_key and k.name_key = c.name_key and k.id < c.id);

update customers set
    segment = case when segment <> '' then segment else coalesce((
        select d.segment from customers d join customer_merges m on m.duplicate_id = d.id
        where m.keep_id = customers.id and d.segment <> '' order by d.id fetch first 1 row only), '') end,
    tier = case when tier <> '' then tier else coalesce((
        select d.tier from customers d join customer_merges m on m.duplicate_id = d.id
        where m.keep_id = customers.id and d.tier <> '' order by d.id fetch first 1 row only), '') end,
    weight = coalesce(weight, (
        select d.weight from customers d join customer_merges m on m.duplicate_id = d.id
        where m.keep_id = customers.id and d.weight is not null order by d.id fetch first 1 row only)),
    version = version + 1
where id in (select keep_id from customer_merges);
update customers set
    revenue_amount = (select d.revenue_amount from customers d join customer_merges m on m.duplicate_id = d.id
                      where m.keep_id = customers.id and d.revenue_amount is not null order by d.id fetch first 1 row only),
    revenue_currency = (select d.revenue_currency from customers d join customer_merges m on m.duplicate_id = d.id
                        where m.keep_id = customers.id and d.revenue_amount is not null order by d.id fetch first 1 row only)
where id in (select keep_id from customer_merges) and revenue_amount is null;

update feedback set customer_id = (select m.keep_id from customer_merges m where m.duplicate_id = feedback.customer_id)
where customer_id in (select duplicate_id from customer_merges);
update contacts set customer_id = (select m.keep_id from customer_merges m where m.duplicate_id = contacts.customer_id)
where customer_id in (select duplicate_id from customer_merges);

-- a contact that the kept customer now has twice (same name and e-mail) is kept once
create table contact_merges (
    duplicate_id bigint not null primary key,
    keep_id      bigint not null
);
insert into contact_merges (duplicate_id, keep_id)
select c.id, (select min(k.id) from contacts k
              where k.customer_id = c.customer_id and k.name = c.name and lower(k.email) = lower(c.email))
from contacts c
where c.customer_id in (select keep_id from customer_merges)
  and exists (select 1 from contacts k where k.customer_id = c.customer_id and k.name = c.name
              and lower(k.email) = lower(c.email) and k.id < c.id);
update feedback set contact_id = (select m.keep_id from contact_merges m where m.duplicate_id = feedback.contact_id)
where contact_id in (select duplicate_id from contact_merges);
delete from contacts where id in (select duplicate_id from contact_merges);
drop table contact_merges;

delete from customers where id in (select duplicate_id from customer_merges);

-- demand counts each customer once: recompute it for the items that feedback of a merged customer is linked to
create table demand_merges (
    item_id     bigint not null,
    customer_id bigint not null,
    weight      int    not null,
    primary key (item_id, customer_id)
);
insert into demand_merges (item_id, customer_id, weight)
select l.item_id, f.customer_id, max(case l.importance when 'CRITICAL' then 3 when 'IMPORTANT' then 2 else 1 end)
from feedback_links l join feedback f on f.id = l.feedback_id
where f.customer_id is not null and l.item_id in (
    select k.item_id from feedback_links k join feedback g on g.id = k.feedback_id
    where g.customer_id in (select keep_id from customer_merges))
group by l.item_id, f.customer_id;
create table demand_revenues (
    item_id  bigint         not null,
    currency varchar(3)     not null,
    total    numeric(17, 2) not null
);
insert into demand_revenues (item_id, currency, total)
select d.item_id, c.revenue_currency, sum(c.revenue_amount)
from demand_merges d join customers c on c.id = d.customer_id
where c.revenue_amount is not null and c.revenue_currency is not null
group by d.item_id, c.revenue_currency;
update item_demand set
    customers = (select count(*) from demand_merges d where d.item_id = item_demand.item_id),
    importance = coalesce((select sum(d.weight) from demand_merges d where d.item_id = item_demand.item_id), 0),
    currency = (select r.currency from demand_revenues r where r.item_id = item_demand.item_id
                order by r.total desc, r.currency fetch first 1 row only),
    revenue = (select max(r.total) from demand_revenues r where r.item_id = item_demand.item_id)
where item_id in (select item_id from demand_merges);
drop table demand_revenues;
drop table demand_merges;
drop table customer_merges;

alter table customers alter column name_key set not null;
create unique index customers_product_name_uq on customers (product_key, name_key);

-- A customer that feedback probably comes from (its sender's company domain matches the customer's contacts),
-- for the team to confirm or dismiss; never attached by itself.
alter table feedback add column suggested_customer_id bigint references customers (id);
