-- Provider webhooks already seen, so that a retried or replayed delivery changes nothing the second time.
create table webhook_events (
    provider     varchar(40)  not null,
    webhook_id   varchar(200) not null,
    received_at  timestamp with time zone not null,
    provider_job_id varchar(200),
    constraint pk_webhook_events primary key (provider, webhook_id)
);
