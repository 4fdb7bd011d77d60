-- Client contracts, extensions, legal holds, owning systems, purge runs, erasure evidence and deletion
-- certificates: keeping the promise "deleted 92 days after collection unless the contract extends it; erased when
-- the contract ends" (APPI Art. 22) and proving it (Art. 23; JIS Q 15001 deletion and disposal records).

-- A client company's contract with the contact center. ends_on is the last day of service (inclusive, Japan
-- time); the contract's data is due at the start of the next day plus the period of its rule.
CREATE TABLE client_contract (
    id         uuid PRIMARY KEY,
    tenant_id  text        NOT NULL,
    ref        text        NOT NULL,
    name       text,
    starts_on  date        NOT NULL,
    ends_on    date,
    status     text        NOT NULL CHECK (status IN ('ACTIVE', 'ENDED')),
    created_at timestamptz NOT NULL,
    created_by text        NOT NULL,
    ended_at   timestamptz,
    ended_by   text,
    CHECK (ends_on IS NULL OR ends_on >= starts_on),
    CHECK (status = 'ACTIVE' OR ends_on IS NOT NULL),
    UNIQUE (tenant_id, ref)
);

-- An extension the contract grants: the named categories of this contract's data are kept while the contract
-- runs and `days` days after it ends, for `reason`.
CREATE TABLE contract_extension (
    id             uuid PRIMARY KEY,
    tenant_id      text        NOT NULL,
    contract_ref   text        NOT NULL,
    category_codes text        NOT NULL,
    days           integer     NOT NULL CHECK (days >= 0),
    reason         text        NOT NULL,
    granted_at     timestamptz NOT NULL,
    granted_by     text        NOT NULL,
    FOREIGN KEY (tenant_id, contract_ref) REFERENCES client_contract (tenant_id, ref)
);

-- The extension in force per contract and category: a later extension of the same category replaces it.
CREATE TABLE contract_extension_category (
    tenant_id     text    NOT NULL,
    contract_ref  text    NOT NULL,
    category_code text    NOT NULL,
    extension_id  uuid    NOT NULL REFERENCES contract_extension (id),
    days          integer NOT NULL,
    PRIMARY KEY (tenant_id, contract_ref, category_code),
    FOREIGN KEY (tenant_id, category_code) REFERENCES data_category (tenant_id, code)
);

-- Holdings now name the contract they were collected under and which rule set their date.
ALTER TABLE holding ADD COLUMN contract_ref text;
ALTER TABLE holding ADD COLUMN rule text NOT NULL DEFAULT 'CATEGORY'
    CHECK (rule IN ('CATEGORY', 'CONTRACT_ENDED', 'EXTENSION'));
ALTER TABLE holding ADD COLUMN extension_id uuid;
ALTER TABLE holding ADD COLUMN extension_days integer;
-- A COLLECTION holding can now wait for its contract (extension) and a CONTRACT_END one gets a date.
ALTER TABLE holding DROP CONSTRAINT holding_check;
ALTER TABLE holding ADD FOREIGN KEY (tenant_id, contract_ref) REFERENCES client_contract (tenant_id, ref);
CREATE INDEX holding_contract ON holding (tenant_id, contract_ref, category_code) WHERE contract_ref IS NOT NULL;
CREATE INDEX holding_category ON holding (tenant_id, category_code);

-- A legal hold: nothing in its scope is erased until it is released or its `until` passes. Every named scope
-- field must match (at least one is named).
CREATE TABLE legal_hold (
    id             uuid PRIMARY KEY,
    tenant_id      text        NOT NULL,
    subject_ref    text,
    category_code  text,
    contract_ref   text,
    reason         text        NOT NULL,
    set_at         timestamptz NOT NULL,
    set_by         text        NOT NULL,
    until          timestamptz,
    released_at    timestamptz,
    released_by    text,
    release_reason text,
    CHECK (subject_ref IS NOT NULL OR category_code IS NOT NULL OR contract_ref IS NOT NULL),
    FOREIGN KEY (tenant_id, category_code) REFERENCES data_category (tenant_id, code),
    FOREIGN KEY (tenant_id, contract_ref) REFERENCES client_contract (tenant_id, ref)
);
CREATE INDEX legal_hold_active ON legal_hold (tenant_id) WHERE released_at IS NULL;

-- A client system that holds the data a holding indexes, and where to ask it to erase. The HMAC secret is stored
-- encrypted (AES-GCM) and never returned.
CREATE TABLE owning_system (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    code          text        NOT NULL,
    name          text        NOT NULL,
    erasure_url   text        NOT NULL,
    secret_cipher text        NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    UNIQUE (tenant_id, code)
);

-- One purge: a tenant's due holdings erased batch by batch, each batch its own transaction.
CREATE TABLE purge_run (
    id           uuid PRIMARY KEY,
    tenant_id    text        NOT NULL,
    trigger      text        NOT NULL CHECK (trigger IN ('ON_DEMAND', 'SCHEDULED', 'CONTRACT_END')),
    status       text        NOT NULL CHECK (status IN ('RUNNING', 'COMPLETED', 'FAILED')),
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at  timestamptz,
    started_by   text        NOT NULL,
    erased       bigint      NOT NULL DEFAULT 0,
    held         bigint      NOT NULL DEFAULT 0,
    failed       bigint      NOT NULL DEFAULT 0,
    error        text
);
CREATE INDEX purge_run_running ON purge_run (heartbeat_at) WHERE status = 'RUNNING';

-- The outbox: one request per owning system and batch, delivered as a signed POST until the system confirms.
CREATE TABLE erasure_request (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    system_code     text        NOT NULL,
    cause           text        NOT NULL CHECK (cause IN ('RETENTION', 'SUBJECT_REQUEST')),
    run_id          uuid,
    request_ref     text,
    item_count      integer     NOT NULL,
    status          text        NOT NULL CHECK (status IN ('PENDING', 'SENT', 'CONFIRMED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    confirmed_at    timestamptz,
    confirmed_by    text,
    erased_count    integer,
    last_error      text
);
CREATE INDEX erasure_request_due ON erasure_request (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX erasure_request_tenant ON erasure_request (tenant_id, status, created_at);

-- What was erased, whose, when, by which rule or request: one row per erased holding, written in the same
-- statement that deletes the holding. holding_id is the key, so no holding is ever erased twice.
CREATE TABLE erasure_evidence (
    holding_id         uuid PRIMARY KEY,
    seq                bigserial   NOT NULL,
    tenant_id          text        NOT NULL,
    subject_ref        text        NOT NULL,
    category_code      text        NOT NULL,
    owning_system      text        NOT NULL,
    locator            text        NOT NULL,
    collected_at       timestamptz NOT NULL,
    delete_after       timestamptz,
    retention_basis    text        NOT NULL,
    retention_days     integer     NOT NULL,
    rule               text        NOT NULL,
    contract_ref       text,
    extension_id       uuid,
    cause              text        NOT NULL CHECK (cause IN ('RETENTION', 'SUBJECT_REQUEST')),
    request_ref        text,
    run_id             uuid,
    erasure_request_id uuid        NOT NULL,
    erased_at          timestamptz NOT NULL,
    erased_by          text        NOT NULL
);
CREATE INDEX erasure_evidence_period ON erasure_evidence (tenant_id, erased_at, holding_id);
CREATE INDEX erasure_evidence_request ON erasure_evidence (erasure_request_id);
CREATE INDEX erasure_evidence_run ON erasure_evidence (run_id);
CREATE INDEX erasure_evidence_request_ref ON erasure_evidence (tenant_id, request_ref) WHERE request_ref IS NOT NULL;

-- Evidence is never edited or removed by the application; the database refuses it too.
CREATE FUNCTION erasure_evidence_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'erasure_evidence is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER erasure_evidence_append_only
    BEFORE UPDATE OR DELETE ON erasure_evidence
    FOR EACH ROW EXECUTE FUNCTION erasure_evidence_is_append_only();

-- An issued deletion certificate: what it covered and the digest of its items, so that a later edit of the
-- evidence is detectable.
CREATE TABLE deletion_certificate (
    id          uuid PRIMARY KEY,
    tenant_id   text        NOT NULL,
    period_from timestamptz,
    period_to   timestamptz,
    request_ref text,
    item_count  integer     NOT NULL,
    digest      text        NOT NULL,
    issued_at   timestamptz NOT NULL,
    issued_by   text        NOT NULL,
    CHECK ((request_ref IS NULL) = (period_from IS NOT NULL AND period_to IS NOT NULL))
);
CREATE INDEX deletion_certificate_tenant ON deletion_certificate (tenant_id, issued_at);
