-- Issue 6: identity verification, the client company's decision, business-day deadlines, fulfilment across the
-- suite through a durable outbox, result notices and signed status callbacks.

ALTER TABLE data_subject_request DROP CONSTRAINT data_subject_request_status_check;
ALTER TABLE data_subject_request ADD CONSTRAINT data_subject_request_status_check CHECK (status IN (
    'IDENTITY_UNVERIFIED', 'AWAITING_REQUESTER', 'PENDING_DECISION', 'IN_PROGRESS', 'COMPLETED', 'REFUSED',
    'CANCELLED'));

ALTER TABLE data_subject_request
    -- Identity verification (Art. 37(1)): only the fact is kept, never a My Number.
    ADD COLUMN identity_method         text CHECK (identity_method IN ('DOCUMENTS', 'CALLBACK_TO_REGISTERED_NUMBER')),
    ADD COLUMN identity_documents      text,
    ADD COLUMN identity_verified_by    text,
    ADD COLUMN identity_verified_at    timestamptz,
    ADD COLUMN identity_note           text,
    -- The client company's decision (Arts. 33-36) and fee (Art. 38).
    ADD COLUMN outcome                 text CHECK (outcome IN ('APPROVED', 'PARTIALLY_APPROVED', 'REFUSED', 'NO_DATA')),
    ADD COLUMN refusal_ground          text,
    ADD COLUMN decision_reason         text,
    ADD COLUMN decision_scope          text,
    ADD COLUMN decided_by              text,
    ADD COLUMN decided_at              timestamptz,
    ADD COLUMN fee_jpy                 integer CHECK (fee_jpy >= 0),
    ADD COLUMN correction_result_cipher text,
    -- Deadlines: SLA in business days, pauses while waiting for the requester, extensions.
    ADD COLUMN sla_business_days       integer,
    ADD COLUMN paused_at               timestamptz,
    ADD COLUMN paused_from             text,
    ADD COLUMN paused_business_days    integer NOT NULL DEFAULT 0,
    ADD COLUMN extended_at             timestamptz,
    ADD COLUMN extension_reason        text,
    -- Callbacks: none is queued after the one announcing a terminal status.
    ADD COLUMN terminal_callback_queued boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT decision_needs_identity CHECK (decided_at IS NULL OR identity_verified_at IS NOT NULL),
    ADD CONSTRAINT refusal_needs_ground CHECK (outcome IS NULL OR outcome NOT IN ('REFUSED', 'PARTIALLY_APPROVED')
        OR (refusal_ground IS NOT NULL AND decision_reason IS NOT NULL));

-- Copies of identity documents, kept only briefly (appi-checklist §10) and deleted by a scheduled job.
CREATE TABLE identity_document_copy (
    id             uuid PRIMARY KEY,
    tenant_id      text        NOT NULL,
    request_id     uuid        NOT NULL REFERENCES data_subject_request (id),
    document_type  text        NOT NULL,
    content_type   text        NOT NULL,
    content_cipher text        NOT NULL,
    stored_at      timestamptz NOT NULL,
    delete_after   timestamptz NOT NULL
);
CREATE INDEX identity_document_copy_due ON identity_document_copy (delete_after);
CREATE INDEX identity_document_copy_request ON identity_document_copy (tenant_id, request_id);

-- The tenant's request-handling settings (client contract SLA, fees, client-system endpoint).
CREATE TABLE request_settings (
    tenant_id                     text PRIMARY KEY,
    business_days_to_due          integer     NOT NULL CHECK (business_days_to_due BETWEEN 1 AND 120),
    near_due_business_days        integer     NOT NULL CHECK (near_due_business_days BETWEEN 0 AND 60),
    purpose_notification_fee_jpy  integer CHECK (purpose_notification_fee_jpy >= 0),
    disclosure_fee_jpy            integer CHECK (disclosure_fee_jpy >= 0),
    client_callback_url           text,
    updated_at                    timestamptz NOT NULL,
    updated_by                    text        NOT NULL
);

-- The durable outbox: every call to another service or to the client system, delivered at least once.
CREATE TABLE fulfilment_task (
    id               uuid PRIMARY KEY,
    tenant_id        text        NOT NULL,
    request_id       uuid        NOT NULL REFERENCES data_subject_request (id),
    target           text        NOT NULL CHECK (target IN ('CONSENT', 'RETENTION', 'THIRDPARTY', 'CLIENT_SYSTEM')),
    action           text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('QUEUED', 'RETRYING', 'DONE', 'FAILED')),
    idempotency_key  text        NOT NULL UNIQUE,
    seq              integer     NOT NULL,
    payload_cipher   text,
    result_cipher    text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    lease_until      timestamptz,
    leased_by        uuid,
    last_error       text,
    last_http_status integer,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL,
    done_at          timestamptz
);
CREATE INDEX fulfilment_task_due ON fulfilment_task (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING');
CREATE INDEX fulfilment_task_request ON fulfilment_task (tenant_id, request_id, seq);

-- What a completed or refused request produced: the disclosure package and the person's notice.
CREATE TABLE request_result (
    request_id      uuid PRIMARY KEY REFERENCES data_subject_request (id),
    tenant_id       text        NOT NULL,
    package_cipher  text,
    actions         text        NOT NULL,
    notice_ja       text        NOT NULL,
    notice_en       text        NOT NULL,
    created_at      timestamptz NOT NULL
);
