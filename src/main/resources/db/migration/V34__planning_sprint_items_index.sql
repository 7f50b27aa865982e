-- The sprint board reads the items planned into one sprint: find them without scanning every product's plan.
create index planned_items_sprint_idx on planned_items (sprint_id);
