-- The metrics' gauges (operations.DatabaseGauges) count queued and running jobs every scrape (cached 15 s): an index
-- on the state keeps that a lookup of the few unfinished jobs instead of a scan of every job ever run.
create index jobs_state_idx on jobs (state);
