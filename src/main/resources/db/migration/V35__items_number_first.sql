-- An item's number first in its unique key, so that "these numbers of this product" (the release and sprint of a
-- backlog page's 50 rows) is one index lookup per number: H2 uses an IN list only on an index's first column, and with
-- (product_id, item_number) it read every item of the product. Lookups by (product, number) use either order.
drop index items_number_uq;
create unique index items_number_uq on items (item_number, product_id);
