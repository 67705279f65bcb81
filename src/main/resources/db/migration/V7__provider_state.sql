-- What a provider protocol keeps beside its job id (fal's status/result/cancel URLs from the submit answer, an
-- output URL learnt while polling), as the protocol's own JSON; and the provider's latest word to users while a job
-- waits (a queue position). Both H2 and PostgreSQL accept this form.
alter table jobs add column provider_state_json varchar(65536);
alter table jobs add column provider_note varchar(500);
