-- What client systems hold about a person, with the retention rule in force when it was registered and the
-- instant it becomes due for deletion (APPI Art. 22: erase without delay once no longer needed).
CREATE TABLE holding (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    subject_ref     text        NOT NULL,
    category_code   text        NOT NULL,
    owning_system   text        NOT NULL,
    locator         text        NOT NULL,
    collected_at    timestamptz NOT NULL,
    retention_basis text        NOT NULL CHECK (retention_basis IN ('COLLECTION', 'CONTRACT_END')),
    retention_days  integer     NOT NULL CHECK (retention_days >= 0),
    -- Known from the start for COLLECTION; decided when the client contract ends for CONTRACT_END.
    delete_after    timestamptz,
    registered_at   timestamptz NOT NULL,
    registered_by   text        NOT NULL,
    -- The category belongs to the same tenant: a holding can never point into another tenant's ledger.
    FOREIGN KEY (tenant_id, category_code) REFERENCES data_category (tenant_id, code),
    CHECK ((retention_basis = 'COLLECTION') = (delete_after IS NOT NULL)),
    -- The same record of the same person in the same system is registered once.
    UNIQUE (tenant_id, subject_ref, category_code, owning_system, locator)
);
CREATE INDEX holding_subject ON holding (tenant_id, subject_ref, collected_at, id);
CREATE INDEX holding_due ON holding (tenant_id, delete_after) WHERE delete_after IS NOT NULL;
