-- Electronic delivery of a result (APPI Art. 33(1): disclosure by electronic record when the person asks for it) and
-- the person's notices by mail. A request filed online keeps the language of its filing, so the mails about it
-- (refusal, extension, result) speak it.
ALTER TABLE data_subject_request
    ADD COLUMN language text CHECK (language IN ('ja', 'en'));

-- One download link per result, mailed to the requester. The link's token and the download grant are kept only as
-- SHA-256 hashes; the code that opens the link (mailed afresh on each visit) only as an HMAC-SHA-256 under a random
-- salt, as an online filing's.
CREATE TABLE result_delivery (
    id                uuid PRIMARY KEY,
    tenant_id         text        NOT NULL,
    request_id        uuid        NOT NULL REFERENCES data_subject_request (id),
    token_hash        bytea       NOT NULL,
    expires_at        timestamptz NOT NULL,
    code_salt         bytea,
    code_hash         bytea,
    code_expires_at   timestamptz,
    attempts_left     integer     NOT NULL DEFAULT 0 CHECK (attempts_left >= 0),
    -- Codes sent since code_window_start (at most a few an hour: the link cannot be used to flood a mailbox).
    code_window_start timestamptz,
    codes_in_window   integer     NOT NULL DEFAULT 0 CHECK (codes_in_window >= 0),
    grant_hash        bytea,
    grant_expires_at  timestamptz,
    downloads         integer     NOT NULL DEFAULT 0 CHECK (downloads >= 0),
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL,
    CONSTRAINT code_whole CHECK ((code_salt IS NULL) = (code_hash IS NULL) AND (code_hash IS NULL) = (code_expires_at IS NULL)),
    CONSTRAINT grant_whole CHECK ((grant_hash IS NULL) = (grant_expires_at IS NULL))
);
CREATE UNIQUE INDEX result_delivery_token ON result_delivery (tenant_id, token_hash);
CREATE INDEX result_delivery_request ON result_delivery (tenant_id, request_id);
