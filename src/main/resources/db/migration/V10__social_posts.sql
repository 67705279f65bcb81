-- What the hub has posted (or is posting) to social schedulers: one row per job, destination and platform. The row
-- is written before the scheduler is called (state SENDING) and carries the scheduler's post id once it answers
-- (POSTED), so a delivery repeated after a crash never creates a second post, and the rows of the last day are what
-- the per-platform rate limits count. Written in the SQL that both H2 (embedded default) and PostgreSQL accept.
create table social_posts (
    job_id          varchar(40)   not null,
    destination     varchar(80)   not null,
    platform        varchar(40)   not null,
    state           varchar(20)   not null,
    idempotency_key varchar(200)  not null,
    remote_post_id  varchar(300),
    attempts        integer       default 0 not null,
    first_sent_at   timestamp with time zone not null,
    counted_at      timestamp with time zone not null,
    posted_at       timestamp with time zone,
    last_error      varchar(4000),
    constraint pk_social_posts primary key (job_id, destination, platform),
    constraint fk_social_posts_job foreign key (job_id) references jobs (id)
);
create index ix_social_posts_platform_counted on social_posts (platform, counted_at);

-- One row per platform, locked while a post's place in that platform's rate limit is counted and taken, so that
-- two workers (or two hub nodes) never both take the last free place.
create table social_platform_locks (
    platform varchar(40) not null,
    constraint pk_social_platform_locks primary key (platform)
);
