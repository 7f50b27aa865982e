-- The product's own kind model, as last checked by the background training (feedback.KindTraining): how many labels
-- (kinds set by a person) it learned from and their fingerprint, the held-out (cross-validated) accuracy and macro F1
-- of the product's model and of the general model on those labels, the product model's confusion matrix
-- (JSON: {"classes": [...], "counts": [[...]]}, rows are the set kinds, columns the predicted ones) and which model
-- is in use ('general' or 'product'). The trained weights are not stored: each node trains the same model again from
-- the labels (deterministically) when it first needs it. Derived data, left out of product exports.
create table kind_models (
    product_key       varchar(10)      not null primary key references products (product_key),
    in_use            varchar(10)      not null,
    labels            integer          not null,
    labels_stamp      varchar(64)      not null,
    product_accuracy  double precision,
    general_accuracy  double precision,
    product_macro_f1  double precision,
    general_macro_f1  double precision,
    confusion         varchar(4000),
    trained_at        timestamp with time zone not null,
    constraint kind_models_in_use_check check (in_use in ('general', 'product'))
);
