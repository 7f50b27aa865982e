-- Which sentence model computed each stored vector (feedback.SentenceEmbedder.MODEL): a vector of another model is
-- not used by the similarity index or the kind models and is computed again in the background (feedback.ItemEmbedding,
-- feedback.BackgroundEmbedding), so a changed model re-embeds without a migration. Every vector stored so far is
-- all-MiniLM-L6-v2 (quantized), the only model Priora has shipped.
alter table feedback add column embedding_model varchar(40);
update feedback set embedding_model = 'all-minilm-l6-v2-q' where embedding is not null;
alter table item_vectors add column embedding_model varchar(40) not null default 'all-minilm-l6-v2-q';

-- A product's feedback and item vectors by id: the similarity index reads what was added since its checkpoint
-- (feedback.FeedbackIndex), which without these sorted every row of the product on each read.
create index feedback_product_id_idx on feedback (product_key, id);
create index item_vectors_product_item_idx on item_vectors (product_id, item_id);

-- The settings the product's kind model was trained with, chosen by cross-validation on its labels
-- (feedback.engine.SettingsSearch), e.g. 'C=10;vector=0.5;words=1;chars=1'; null: the first default.
alter table kind_models add column settings varchar(100);
