-- One row per destination a job's clip goes to, so that each destination is delivered, retried and parked on its
-- own: a destination that is down never holds back the others, and one already delivered is never sent again.
-- Written in the SQL that both H2 (embedded default) and PostgreSQL (cluster) accept.
create table deliveries (
    job_id          varchar(40)   not null,
    destination     varchar(80)   not null,
    position        integer       not null,
    state           varchar(20)   not null,
    attempts        integer       default 0 not null,
    next_attempt_at timestamp with time zone,
    last_error      varchar(4000),
    outputs_json    varchar(65536),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    delivered_at    timestamp with time zone,
    constraint pk_deliveries primary key (job_id, destination),
    constraint fk_deliveries_job foreign key (job_id) references jobs (id)
);
create index ix_deliveries_state on deliveries (state);
