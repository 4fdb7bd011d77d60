-- Tables every service has, for the plumbing in the platform module. Services number their own migrations from V1.

-- Audit log: append-only, hash-chained per tenant (APPI Art. 23; JIS Q 15001 access records).
CREATE TABLE audit_event (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    seq           bigint      NOT NULL,
    occurred_at   timestamptz NOT NULL,
    actor_subject text        NOT NULL,
    actor_client  text,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   text,
    subject_ref   text,
    outcome       text        NOT NULL,
    prev_hash     text        NOT NULL,
    hash          text        NOT NULL,
    UNIQUE (tenant_id, seq)
);
CREATE INDEX audit_event_subject ON audit_event (tenant_id, subject_ref, seq);

CREATE TABLE audit_chain_head (
    tenant_id text PRIMARY KEY,
    last_seq  bigint NOT NULL,
    last_hash text   NOT NULL
);

-- The application never edits or removes audit lines; the database refuses it too.
CREATE FUNCTION audit_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_event_append_only
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

-- Idempotency keys of creating POSTs, per tenant and operation.
CREATE TABLE idempotency_record (
    tenant_id    text        NOT NULL,
    operation    text        NOT NULL,
    idem_key     text        NOT NULL,
    request_hash text        NOT NULL,
    status       integer,
    body         text,
    location     text,
    created_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, operation, idem_key)
);
