-- API tokens may be given an expiry: from expires_at on, the token is refused (401) as if revoked.
alter table api_tokens add column expires_at timestamp with time zone;
create index api_tokens_created_idx on api_tokens (created_at);
