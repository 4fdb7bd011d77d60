-- Consents and refusals (append-only), withdrawals, use stops and each tenant's consent policy.
CREATE TABLE tenant_policy (
    tenant_id              text PRIMARY KEY,
    guardian_age_threshold integer     NOT NULL CHECK (guardian_age_threshold BETWEEN 0 AND 25),
    controller_name        text,
    controller_address     text,
    controller_contact     text,
    policy_url             text,
    updated_at             timestamptz NOT NULL,
    updated_by             text        NOT NULL
);

CREATE TABLE consent (
    id                    uuid PRIMARY KEY,
    seq                   bigserial   NOT NULL UNIQUE,
    tenant_id             text        NOT NULL,
    subject_ref           text        NOT NULL,
    purpose_id            uuid        NOT NULL REFERENCES purpose (id),
    purpose_code          text        NOT NULL,
    purpose_version       integer     NOT NULL,
    decision              text        NOT NULL CHECK (decision IN ('GIVEN', 'REFUSED')),
    method                text        NOT NULL,
    channel               text        NOT NULL,
    operator_ref          text,
    actor_subject         text        NOT NULL,
    actor_client          text,
    notice_version        text        NOT NULL,
    language              text        NOT NULL,
    captured_at           timestamptz NOT NULL,
    recorded_at           timestamptz NOT NULL,
    user_agent            text,
    anonymised_ip         text,
    recording_ref         text,
    expires_at            timestamptz,
    sensitive_categories  text        NOT NULL,
    subject_birth_date    date,
    guardian_name         text,
    guardian_relation     text,
    guardian_verification text
);
-- The use decision reads the latest answer of one person for one purpose.
CREATE INDEX consent_latest ON consent (tenant_id, subject_ref, purpose_code, captured_at DESC, seq DESC);
CREATE INDEX consent_by_purpose ON consent (tenant_id, purpose_code, subject_ref);

CREATE TABLE consent_withdrawal (
    consent_id   uuid PRIMARY KEY REFERENCES consent (id),
    tenant_id    text        NOT NULL,
    withdrawn_at timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    channel      text        NOT NULL,
    reason       text,
    actor_subject text       NOT NULL
);

-- Nothing about a consent is ever rewritten: history is evidence.
CREATE FUNCTION consent_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION '% is append-only', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER consent_append_only BEFORE UPDATE OR DELETE ON consent
    FOR EACH ROW EXECUTE FUNCTION consent_is_append_only();
CREATE TRIGGER consent_withdrawal_append_only BEFORE UPDATE OR DELETE ON consent_withdrawal
    FOR EACH ROW EXECUTE FUNCTION consent_is_append_only();

CREATE TABLE use_stop (
    id           uuid PRIMARY KEY,
    tenant_id    text        NOT NULL,
    subject_ref  text        NOT NULL,
    purpose_code text,
    request_ref  text        NOT NULL,
    ground       text        NOT NULL,
    stopped_at   timestamptz NOT NULL,
    stopped_by   text        NOT NULL,
    lifted_at    timestamptz,
    lifted_by    text,
    lift_reason  text
);
CREATE INDEX use_stop_in_force ON use_stop (tenant_id, subject_ref) WHERE lifted_at IS NULL;
