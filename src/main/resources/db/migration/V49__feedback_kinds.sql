-- The kind of each feedback (bug, feature request, question, praise, complaint, other) with the classifier's
-- confidence (0..1) and where it came from: 'predicted' by a model or 'set' by a person (a label the product's own
-- model learns from; its confidence is 1). Sentiment is always predicted. Null until the feedback has a sentence
-- vector (bulk imports get both in the background).
alter table feedback add column kind varchar(20);
alter table feedback add column kind_confidence numeric(5, 4);
alter table feedback add column kind_source varchar(10);
alter table feedback add column sentiment varchar(10);
alter table feedback add constraint feedback_kind_check
    check (kind is null or kind in ('BUG', 'FEATURE_REQUEST', 'QUESTION', 'PRAISE', 'COMPLAINT', 'OTHER'));
alter table feedback add constraint feedback_kind_source_check
    check (kind_source is null or kind_source in ('predicted', 'set'));
alter table feedback add constraint feedback_sentiment_check
    check (sentiment is null or sentiment in ('NEGATIVE', 'NEUTRAL', 'POSITIVE'));
-- The inbox filters and sorts by kind.
create index feedback_product_kind_idx on feedback (product_key, kind, id);
