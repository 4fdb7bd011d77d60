-- Contractors entrusted with personal data, and their supervision (APPI Art. 25; JIS Q 15001 A.7.3.5).
CREATE TABLE contractor (
    id                       uuid PRIMARY KEY,
    tenant_id                text        NOT NULL,
    third_party_id           uuid        NOT NULL,
    parent_contractor_id     uuid,
    subcontract_approved_on  date,
    subcontract_approved_by  text,
    contract_signed_on       date,
    nda_signed_on            date,
    contract_clauses         text        NOT NULL,
    audit_interval_months    integer     NOT NULL CHECK (audit_interval_months BETWEEN 1 AND 36),
    created_at               timestamptz NOT NULL,
    created_by               text        NOT NULL,
    FOREIGN KEY (tenant_id, third_party_id) REFERENCES third_party (tenant_id, id),
    UNIQUE (tenant_id, id),
    UNIQUE (tenant_id, third_party_id),
    FOREIGN KEY (tenant_id, parent_contractor_id) REFERENCES contractor (tenant_id, id),
    CHECK (parent_contractor_id IS NULL OR parent_contractor_id <> id),
    CHECK ((subcontract_approved_on IS NULL) = (subcontract_approved_by IS NULL))
);

CREATE TABLE contractor_assessment (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    contractor_id uuid        NOT NULL,
    assessed_on   date        NOT NULL,
    result        text        NOT NULL CHECK (result IN ('PASSED', 'FAILED')),
    assessor      text        NOT NULL,
    valid_until   date        NOT NULL,
    notes         text,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text        NOT NULL,
    FOREIGN KEY (tenant_id, contractor_id) REFERENCES contractor (tenant_id, id),
    CHECK (valid_until > assessed_on)
);
CREATE INDEX contractor_assessment_by_contractor ON contractor_assessment (contractor_id, assessed_on DESC, recorded_at DESC);

CREATE TABLE contractor_certification (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    contractor_id uuid        NOT NULL,
    scheme        text        NOT NULL CHECK (scheme IN ('PRIVACY_MARK', 'ISO_IEC_27001', 'ISO_IEC_27701', 'OTHER')),
    number        text        NOT NULL,
    expires_on    date        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text        NOT NULL,
    FOREIGN KEY (tenant_id, contractor_id) REFERENCES contractor (tenant_id, id)
);
CREATE INDEX contractor_certification_by_contractor ON contractor_certification (contractor_id, scheme, expires_on DESC);
CREATE INDEX contractor_certification_by_expiry ON contractor_certification (tenant_id, expires_on);

CREATE TABLE contractor_audit (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    contractor_id uuid        NOT NULL,
    audited_on    date        NOT NULL,
    result        text        NOT NULL CHECK (result IN ('PASSED', 'FINDINGS', 'FAILED')),
    findings      text,
    next_due      date        NOT NULL,
    recorded_at   timestamptz NOT NULL,
    recorded_by   text        NOT NULL,
    FOREIGN KEY (tenant_id, contractor_id) REFERENCES contractor (tenant_id, id),
    CHECK (next_due > audited_on),
    CHECK (result = 'PASSED' OR findings IS NOT NULL)
);
CREATE INDEX contractor_audit_by_contractor ON contractor_audit (contractor_id, audited_on DESC, recorded_at DESC);
