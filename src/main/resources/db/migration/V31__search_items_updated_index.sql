-- The search index syncs every product's items by update time (V28's items_updated_idx leads with the product).
create index items_search_updated_idx on items (updated_at);
