-- What a generation actually cost: set when the provider finished rendering it (a billed render), at the catalog's
-- list price; null while not billed (queued, refused, or failed at the provider, which does not charge for those).
alter table jobs add column actual_cost_usd numeric(12, 4);
create index ix_jobs_costs on jobs (project, created_at);
