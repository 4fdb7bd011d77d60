-- The personal-information ledger (個人情報管理台帳, JIS Q 15001): one row per category of personal data a
-- tenant handles, with its items, purposes, storage, who may access it and its retention rule.
CREATE TABLE data_category (
    id                    uuid PRIMARY KEY,
    tenant_id             text        NOT NULL,
    code                  text        NOT NULL,
    name_ja               text        NOT NULL,
    name_en               text,
    items                 text        NOT NULL,
    purpose_codes         text        NOT NULL,
    storage_location      text        NOT NULL,
    storage_method        text        NOT NULL,
    accessible_by         text        NOT NULL,
    sensitive             boolean     NOT NULL,
    acquisition_form      text        NOT NULL CHECK (acquisition_form IN
                              ('DIRECT_WRITTEN', 'DIRECT_ORAL', 'INDIRECT', 'ENTRUSTED', 'PUBLICLY_AVAILABLE')),
    third_party_provision boolean     NOT NULL,
    joint_use             boolean     NOT NULL,
    entrustment           boolean     NOT NULL,
    retention_basis       text        NOT NULL CHECK (retention_basis IN ('COLLECTION', 'CONTRACT_END')),
    retention_days        integer     NOT NULL CHECK (retention_days >= 0),
    last_reviewed_at      date        NOT NULL,
    created_at            timestamptz NOT NULL,
    created_by            text        NOT NULL,
    UNIQUE (tenant_id, code)
);
