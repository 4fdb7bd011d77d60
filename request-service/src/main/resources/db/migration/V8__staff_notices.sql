-- Staff mails sent once: one row per (tenant, kind, subject, day), inserted in the transaction that queues the mail
-- (platform mail_outbox). INSERT ... ON CONFLICT DO NOTHING decides which of two replicas (or two runs of a job)
-- sends it: the one whose row is new. No personal data here: the subject is a request id or 'digest'.
--   kind     AWAITING_DECISION (day: the day in Japan the request came to await a decision), NEAR_DUE and OVERDUE
--            (day: the due date the notice was about, so an extension that moves it brings a new one), DIGEST (day:
--            the day in Japan of the digest).
CREATE TABLE staff_notice (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL CHECK (kind IN ('AWAITING_DECISION', 'NEAR_DUE', 'OVERDUE', 'DIGEST')),
    subject    text        NOT NULL,
    day        date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, subject, day)
);
