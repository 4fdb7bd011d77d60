-- Counterparties that receive or provide personal data (APPI Arts. 27, 28).
CREATE TABLE third_party (
    id                 uuid PRIMARY KEY,
    tenant_id          text        NOT NULL,
    name               text        NOT NULL,
    address            text        NOT NULL,
    representative     text,
    kind               text        NOT NULL CHECK (kind IN ('CORPORATION', 'INDIVIDUAL', 'PUBLIC_AGENCY')),
    country            text        NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
    legal_basis        text        NOT NULL CHECK (legal_basis IN ('CONSENT', 'LAW_27_1_1', 'LAW_27_1_2',
                           'LAW_27_1_3', 'LAW_27_1_4', 'LAW_27_1_5', 'LAW_27_1_6', 'LAW_27_1_7', 'OPT_OUT',
                           'ENTRUSTMENT', 'BUSINESS_SUCCESSION', 'JOINT_USE')),
    cross_border_basis text CHECK (cross_border_basis IN ('CONSENT_WITH_INFORMATION', 'EQUIVALENT_MEASURES',
                           'ADEQUATE_COUNTRY')),
    created_at         timestamptz NOT NULL,
    created_by         text        NOT NULL,
    -- Arts. 27(2)(i), 30(1)(i): a corporation's representative is an identity item.
    CHECK (kind = 'INDIVIDUAL' OR representative IS NOT NULL),
    -- Art. 28(1): a cross-border basis only for a party abroad.
    CHECK (country <> 'JP' OR cross_border_basis IS NULL),
    -- Lets records reference a party of their own tenant only.
    UNIQUE (tenant_id, id)
);
CREATE INDEX third_party_by_name ON third_party (tenant_id, name, id);
