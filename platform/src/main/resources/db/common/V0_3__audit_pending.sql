-- A write's audit lines no longer take the tenant's chain head inside the write's transaction (which made every
-- write of a tenant wait for the one before it to commit). They are inserted here, in the write's own transaction,
-- with no chain position: they commit or roll back with the change they describe. The sealer (AuditLog.seal) then
-- moves them into audit_event in one short transaction per tenant: it locks the head, deletes the pending lines,
-- numbers and hashes them after the head, inserts them and moves the head. A crash at any point of that loses
-- nothing: the move is one transaction, so either the lines are still pending or they are sealed.
--
-- Numbered V0_3 with the other platform tables (runs out of order on a database that has a service's V1..Vn).
CREATE TABLE audit_pending (
    id            bigserial   PRIMARY KEY,
    tenant_id     text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    actor_subject text        NOT NULL,
    actor_client  text,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   text,
    subject_ref   text,
    outcome       text        NOT NULL,
    written_at    timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX audit_pending_tenant ON audit_pending (tenant_id, id);

-- A pending line is never edited: it is sealed as written or not at all (the sealer deletes what it seals).
CREATE FUNCTION audit_pending_is_not_edited() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'audit_pending lines are never edited';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER audit_pending_not_edited
    BEFORE UPDATE ON audit_pending
    FOR EACH ROW EXECUTE FUNCTION audit_pending_is_not_edited();
