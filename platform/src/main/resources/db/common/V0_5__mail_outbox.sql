-- Mail queued by platform MailOutbox in the transaction of the change it belongs to, sent by MailDeliverer through
-- the platform outbox (claim with SKIP LOCKED and a lease, backoff, dead letter FAILED). Recipient, subject and body
-- are sealed by the service's FieldCipher; the body is erased once the mail is sent.
--
-- Every service gets the table with the other platform tables (one migration history for the platform's); it stays
-- empty and unread in a service that does not send mail (mamori.mail.enabled=false, the default).
CREATE TABLE mail_outbox (
    id              uuid        PRIMARY KEY,
    tenant_id       text        NOT NULL,
    recipient       text        NOT NULL,
    subject         text        NOT NULL,
    body            text,
    status          text        NOT NULL CHECK (status IN ('QUEUED', 'RETRYING', 'SENT', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    leased_by       uuid,
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX mail_outbox_due ON mail_outbox (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING');
CREATE INDEX mail_outbox_tenant ON mail_outbox (tenant_id, created_at);
