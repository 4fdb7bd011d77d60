-- Online filing (the privacy center's request form): a filing waits here until the requester confirms it with the
-- one-time code mailed to them; only then does it become a data-subject request. The person is then known only by
-- what the requester gave (name, email, phone, customer number) until staff link the client company's subjectRef.

-- A request filed online has no subjectRef until staff link it; every other request still has one.
ALTER TABLE data_subject_request ALTER COLUMN subject_ref DROP NOT NULL;
ALTER TABLE data_subject_request
    -- The number the requester quotes (R-XXXX-XXXX); only online filings have one.
    ADD COLUMN receipt_number     text,
    -- How the requester identified the person (name, email, phone, customer number): one encrypted JSON object.
    ADD COLUMN identifiers_cipher text,
    ADD CONSTRAINT subject_or_online_filing CHECK (subject_ref IS NOT NULL
        OR (receipt_number IS NOT NULL AND identifiers_cipher IS NOT NULL AND channel = 'WEB'));
CREATE UNIQUE INDEX data_subject_request_receipt ON data_subject_request (tenant_id, receipt_number)
    WHERE receipt_number IS NOT NULL;

-- A filing not yet confirmed. Its content is personal data: one AES-GCM ciphertext. The code is kept only as an
-- HMAC-SHA-256 under a random per-filing salt. A confirmed filing is deleted (the request holds its content), and
-- an unconfirmed one is deleted after a day.
CREATE TABLE online_filing (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    type            text        NOT NULL CHECK (type IN ('PURPOSE_NOTIFICATION', 'DISCLOSURE',
                        'PROVISION_RECORD_DISCLOSURE', 'CORRECTION', 'USE_STOP', 'ERASURE', 'PROVISION_STOP')),
    language        text        NOT NULL CHECK (language IN ('ja', 'en')),
    content_cipher  text        NOT NULL,
    code_salt       bytea       NOT NULL,
    code_hash       bytea       NOT NULL,
    code_expires_at timestamptz NOT NULL,
    attempts_left   integer     NOT NULL CHECK (attempts_left >= 0),
    codes_sent      integer     NOT NULL CHECK (codes_sent >= 1),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX online_filing_created ON online_filing (created_at);
