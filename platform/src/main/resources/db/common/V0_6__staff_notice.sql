-- Staff mails sent once (platform StaffMail): one row per (tenant, kind, subject, day), inserted in the transaction
-- that queues the mail (mail_outbox). INSERT ... ON CONFLICT DO NOTHING decides which of two replicas, or two runs of
-- a job, sends it: the one whose row is new. No personal data: the subject is an id (a request, a certification, a
-- contractor) or a word ('digest'); the kind and what its day means belong to the service that sends it.
CREATE TABLE staff_notice (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL,
    subject    text        NOT NULL,
    day        date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, subject, day)
);
