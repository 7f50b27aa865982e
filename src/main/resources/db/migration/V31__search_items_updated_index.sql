create index items_updated_idx on items (updated_at);
