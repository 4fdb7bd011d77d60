-- Purposes of use (APPI Art. 17) and their immutable versions.
CREATE TABLE purpose (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    code            text        NOT NULL,
    current_version integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    UNIQUE (tenant_id, code)
);

CREATE TABLE purpose_version (
    id                       uuid PRIMARY KEY,
    purpose_id               uuid        NOT NULL REFERENCES purpose (id),
    tenant_id                text        NOT NULL,
    version                  integer     NOT NULL,
    change_type              text        NOT NULL CHECK (change_type IN ('INITIAL', 'RELATED', 'UNRELATED')),
    title_ja                 text        NOT NULL,
    title_en                 text,
    description_ja           text        NOT NULL,
    description_en           text,
    data_items               text        NOT NULL,
    sensitive_categories     text        NOT NULL,
    third_party_provision    boolean     NOT NULL,
    recipient_types          text        NOT NULL,
    cross_border_countries   text        NOT NULL,
    cross_border_information text,
    published_at             timestamptz NOT NULL,
    published_by             text        NOT NULL,
    UNIQUE (purpose_id, version)
);
CREATE INDEX purpose_version_tenant ON purpose_version (tenant_id, purpose_id, version DESC);
