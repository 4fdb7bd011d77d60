-- Identity documents uploaded by the requester on the privacy center after confirming a filing online (Art. 37(1):
-- the requester is verified; the copies are only kept until staff have seen them, then deleted by the existing job).

-- Who put a copy here, what the requester called it (encrypted: a file name may hold a name), which side of the
-- card, whose identity it proves, and its size. Copies stored by staff before this migration are staff's.
ALTER TABLE identity_document_copy
    ADD COLUMN submitted_by       text NOT NULL DEFAULT 'STAFF' CHECK (submitted_by IN ('STAFF', 'REQUESTER')),
    ADD COLUMN file_name_cipher   text,
    ADD COLUMN side               text CHECK (side IN ('FRONT', 'BACK')),
    ADD COLUMN proves_identity_of text CHECK (proves_identity_of IN ('PERSON', 'AGENT')),
    ADD COLUMN bytes              integer CHECK (bytes > 0);

-- The requester's right to upload, given with the confirmation: the token is kept as its SHA-256 (to check it) and
-- encrypted (so a replayed confirmation answers the same token); it is valid until valid_until. documents_submitted
-- counts every upload, so deleting copies never makes room for more.
CREATE TABLE requester_upload (
    request_id          uuid PRIMARY KEY REFERENCES data_subject_request (id),
    tenant_id           text        NOT NULL,
    token_hash          bytea       NOT NULL,
    token_cipher        text        NOT NULL,
    valid_until         timestamptz NOT NULL,
    documents_submitted integer     NOT NULL DEFAULT 0 CHECK (documents_submitted >= 0),
    created_at          timestamptz NOT NULL
);
