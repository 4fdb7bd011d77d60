-- Opt-out provision filed with the PPC (APPI Art. 27(2)-(4); PPC Rule 11), with every change on record.
CREATE TABLE opt_out_filing (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    current_version integer     NOT NULL,
    withdrawn_on    date,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    UNIQUE (tenant_id, id)
);

-- Each version holds the nine items of Art. 27(2) as notified and filed, and what changed (Art. 27(3)).
CREATE TABLE opt_out_filing_version (
    id                     uuid PRIMARY KEY,
    filing_id              uuid        NOT NULL REFERENCES opt_out_filing (id),
    tenant_id              text        NOT NULL,
    version                integer     NOT NULL CHECK (version > 0),
    provider_name          text        NOT NULL,
    provider_address       text        NOT NULL,
    provider_representative text       NOT NULL,
    data_items             text        NOT NULL,
    acquisition_method     text        NOT NULL,
    provision_method       text        NOT NULL,
    request_method         text        NOT NULL,
    update_method          text        NOT NULL,
    provision_starts_on    date        NOT NULL,
    filed_on               date        NOT NULL,
    changes                text        NOT NULL,
    recorded_at            timestamptz NOT NULL,
    recorded_by            text        NOT NULL,
    UNIQUE (filing_id, version)
);
