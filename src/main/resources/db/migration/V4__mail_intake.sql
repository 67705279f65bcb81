-- Email intake (route intake-mail): the mails seen, the jobs they queued, the reference images they brought and the
-- replies owed to their senders. Written in the SQL that both H2 and PostgreSQL accept.

-- One row per mail, keyed by its Message-ID: how often it was tried and how it ended. A mail whose outcome is set
-- is never processed again, whatever the mailbox shows (a second delivery of the same mail, a crash before the
-- IMAP move). A mail that keeps failing is given up after reelhub.intake.mail.max-attempts tries.
create table mail_intake (
    message_id    varchar(1000) not null,
    sender        varchar(320),
    subject       varchar(1000),
    attempts      integer       default 0 not null,
    outcome       varchar(20),
    last_error    varchar(4000),
    first_seen_at timestamp with time zone not null,
    updated_at    timestamp with time zone not null,
    constraint pk_mail_intake primary key (message_id)
);

-- Jobs that came by mail: the sender hears when each one ends. answered_at is set in the same transaction that
-- queues the delivery reply, so each job is answered once.
create table mail_jobs (
    job_id      varchar(40)   not null,
    message_id  varchar(1000) not null,
    reply_to    varchar(320)  not null,
    subject     varchar(1000),
    item        varchar(300)  not null,
    answered_at timestamp with time zone,
    constraint pk_mail_jobs primary key (job_id),
    constraint fk_mail_jobs_job foreign key (job_id) references jobs (id)
);
create index ix_mail_jobs_open on mail_jobs (answered_at);

-- Images that came with a brief, stored under references/<project>/<brief>/ (the brief format has no field for them).
create table mail_references (
    message_id varchar(1000) not null,
    project    varchar(80)   not null,
    brief_id   varchar(80)   not null,
    file_name  varchar(300)  not null,
    stored_as  varchar(1000) not null,
    size_bytes bigint        not null,
    sha256     varchar(64)   not null,
    constraint pk_mail_references primary key (project, brief_id, stored_as)
);
create index ix_mail_references_mail on mail_references (message_id);

-- The outbox of replies: a reply is recorded before it is sent and marked sent after, so an SMTP outage or a crash
-- delays a reply but never loses it. reply_key says what it answers (a mail, or a job's end) and is unique.
create table mail_replies (
    id              varchar(40)    not null,
    reply_key       varchar(1100)  not null,
    recipient       varchar(320)   not null,
    subject         varchar(1000)  not null,
    body            varchar(65536) not null,
    in_reply_to     varchar(1000),
    thread_refs     varchar(4000),
    attempts        integer        default 0 not null,
    next_attempt_at timestamp with time zone not null,
    lease_until     timestamp with time zone,
    sent_at         timestamp with time zone,
    gave_up_at      timestamp with time zone,
    last_error      varchar(4000),
    created_at      timestamp with time zone not null,
    constraint pk_mail_replies primary key (id),
    constraint uq_mail_replies_key unique (reply_key)
);
create index ix_mail_replies_due on mail_replies (sent_at, gave_up_at, next_attempt_at);
