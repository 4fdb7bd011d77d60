-- Change notices between replicas. A write inserts its notice here in its own transaction (a plain insert, no
-- lock), and every replica polls for notices committed since it last looked. It replaces NOTIFY inside the write's
-- transaction: PostgreSQL serialises the commits of every transaction that notified (one lock on the notification
-- queue, held through the commit's WAL flush), so with durable commits a service's writes could not commit in
-- parallel, and a group commit could never form.
--
-- xid is the writing transaction's id: a poller reads the notices of transactions at or after the oldest one that
-- was still running at its previous poll (pg_snapshot_xmin), so a notice whose transaction commits late is never
-- skipped, whatever order the ids were drawn in.
CREATE TABLE change_notice (
    id         bigserial   PRIMARY KEY,
    xid        xid8        NOT NULL DEFAULT pg_current_xact_id(),
    channel    text        NOT NULL,
    payload    text        NOT NULL,
    origin     uuid,       -- the replica that wrote it, which does not read it back (NULL: from outside the service)
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX change_notice_by_xid ON change_notice (xid);
CREATE INDEX change_notice_by_age ON change_notice (created_at);
