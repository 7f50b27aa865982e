-- Sentence vectors of backlog items for the similarity index (feedback.FeedbackIndex), as feedback.embedding is for
-- feedback: computed in the background (feedback.ItemEmbedding) when an item is created or its title or description
-- changes, so building a product's index embeds nothing. text_hash is the SHA-256 of the text that was embedded: a
-- vector whose item text has changed since is stale and not used. Derived data, left out of product exports.
create table item_vectors (
    item_id     bigint      not null primary key references items (id) on delete cascade,
    product_id  bigint      not null references products (id),
    text_hash   varchar(64) not null,
    embedding   bytea       not null,
    embedded_at timestamp with time zone not null
);
create index item_vectors_product_idx on item_vectors (product_id, embedded_at);

-- The similarity index reads the items of a product changed since it last looked.
create index items_updated_idx on items (product_id, updated_at);
