-- Nightly batches: one run per (batch, business date), so a night never runs twice, and the items it claimed.

-- When the schedule was first armed: a "missed night" is a fire time after this with no run.
create table batch_schedule (
    batch_name varchar(80) not null,
    armed_at   timestamp with time zone not null,
    constraint pk_batch_schedule primary key (batch_name)
);

create table batch_runs (
    batch_name     varchar(80)   not null,
    business_date  date          not null,
    state          varchar(20)   not null,
    budget_usd     numeric(12, 4) not null,
    committed_usd  numeric(12, 4) default 0 not null,
    started_at     timestamp with time zone not null,
    finished_at    timestamp with time zone,
    report_folder  varchar(1000),
    constraint pk_batch_runs primary key (batch_name, business_date)
);

create table batch_items (
    batch_name    varchar(80)   not null,
    business_date date          not null,
    file_name     varchar(500)  not null,
    status        varchar(20)   not null,
    job_id        varchar(40),
    estimate_usd  numeric(12, 4),
    reason        varchar(2000),
    constraint pk_batch_items primary key (batch_name, business_date, file_name),
    constraint fk_batch_items_run foreign key (batch_name, business_date)
        references batch_runs (batch_name, business_date)
);
