-- Staff mails about contractors (APPI Art. 25 supervision) sent once: one row per (tenant, kind, subject, day),
-- inserted in the transaction that queues the mail (platform mail_outbox); INSERT ... ON CONFLICT DO NOTHING decides
-- which of two replicas (or two runs of the job) sends it.
--   CERTIFICATION_EXPIRING  subject: the certification's id, day: its expiry (a renewal is a new row, a new notice)
--   AUDIT_DUE               subject: the contractor's id, day: the date the audit is due (a new audit sets a new one)
CREATE TABLE staff_notice (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('CERTIFICATION_EXPIRING', 'AUDIT_DUE')),
    subject    text        NOT NULL,
    day        date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, subject, day)
);
