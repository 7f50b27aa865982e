-- What the insights page counts of each feedback (insights.InsightsScan): its received time, kind, customer and merge,
-- so the page's one pass over a product's feedback reads this narrow index instead of the wide rows (each holds its
-- sentence vector and its text). H2 and PostgreSQL both answer the pass from the index alone.
create index feedback_insights_idx on feedback (product_key, id, received_at, kind, customer_id, merged_into);
