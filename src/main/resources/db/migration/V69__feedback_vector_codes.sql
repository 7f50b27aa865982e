-- The sentence vectors of feedback and items as the similarity scan holds them (feedback.engine.VectorScan#codes):
-- a 4-byte scale and one byte a dimension, 388 bytes for all-MiniLM-L6-v2 instead of the 1,536 of feedback.embedding
-- and item_vectors.embedding. Written with every vector (feedback.FeedbackTextRepository, feedback.ItemVectorRepository)
-- and read by a node that has no similarity index yet (a new node, a lost folder): narrow rows, so its first answer
-- reads a quarter of the bytes. Derived data, left out of product exports; V70 fills them for the vectors stored so
-- far. merged mirrors feedback.merged_into is not null, so the scan never reads the feedback table.
create table feedback_vector_codes (
    feedback_id     bigint      not null primary key references feedback (id) on delete cascade,
    product_key     varchar(10) not null,
    embedding_model varchar(40) not null,
    merged          boolean     not null default false,
    codes           bytea       not null
);
create index feedback_vector_codes_product_idx on feedback_vector_codes (product_key);

create table item_vector_codes (
    item_id         bigint      not null primary key references items (id) on delete cascade,
    product_id      bigint      not null,
    embedding_model varchar(40) not null,
    codes           bytea       not null
);
create index item_vector_codes_product_idx on item_vector_codes (product_id);
