-- Staff mails sent once (platform StaffMail): one row per (tenant, kind, subject, day), inserted in the transaction
-- that queues the mail (mail_outbox). INSERT ... ON CONFLICT DO NOTHING decides which of two replicas, or two runs of
-- a job, sends it: the one whose row is new. No personal data: the subject is an id (a request, a certification, a
-- contractor) or a word ('digest'); the kinds and what their day means belong to the service that sends them.
--
-- Named staff_mail_sent, not staff_notice: incident-service has a table of that name of its own (its outbox of
-- notices about reports falling due), and these migrations run in every service's database before the service's.
-- Until V0_6, request-service and thirdparty-service each had a staff_notice table of this shape; their next
-- migration copies its rows here and drops it.
CREATE TABLE staff_mail_sent (
    tenant_id  text        NOT NULL,
    kind       text        NOT NULL CHECK (kind <> ''),
    subject    text        NOT NULL,
    day        date        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, kind, subject, day)
);
