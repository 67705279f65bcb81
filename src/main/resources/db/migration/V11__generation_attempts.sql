-- Every checked generation of a shot: the seed and the provider render it came from, where its clip is kept, its
-- quality-check report and what followed (delivered, held for review, or generated again with a new seed). A shot
-- generated again after a failed check has one row per paid attempt. The money rule itself stays on the jobs row
-- (intent before the submit, provider id after); a row here is written in the transaction that moves the job on.
-- Written in the SQL that both H2 (embedded default) and PostgreSQL (cluster) accept.
create table generation_attempts (
    job_id            varchar(40)    not null,
    attempt           integer        not null,
    seed              bigint,
    submit_key        varchar(100),
    provider          varchar(40),
    provider_job_id   varchar(200),
    clip_path         varchar(1000),
    cost_estimate_usd numeric(12, 4),
    passed            boolean        not null,
    decision          varchar(20)    not null,
    report_json       varchar(65536) not null,
    checked_at        timestamp with time zone not null,
    constraint pk_generation_attempts primary key (job_id, attempt),
    constraint fk_generation_attempts_job foreign key (job_id) references jobs (id)
);
