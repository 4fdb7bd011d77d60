-- A group company of the suite is a tenant of its own: joint use names it by its tenant id (Art. 27(5)(iii)).
ALTER TABLE third_party ADD COLUMN group_tenant_id text CHECK (group_tenant_id ~ '^[a-z0-9][a-z0-9-]{0,62}$');
-- Art. 28(3); Rule 18(1)(ii): provision abroad is suspended when the recipient's measures are not ensured.
ALTER TABLE third_party ADD COLUMN cross_border_suspended_at timestamptz;
ALTER TABLE third_party ADD COLUMN cross_border_suspension_reason text;
ALTER TABLE third_party ADD CHECK ((cross_border_suspended_at IS NULL) = (cross_border_suspension_reason IS NULL));

-- The periodic checks of a foreign recipient's equivalent measures (Art. 28(3); Rule 18(1)), append-only.
CREATE TABLE cross_border_check (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    third_party_id  uuid        NOT NULL,
    checked_on      date        NOT NULL,
    result          text        NOT NULL CHECK (result IN ('ENSURED', 'NOT_ENSURED')),
    notes           text,
    next_check_due  date        NOT NULL,
    recorded_at     timestamptz NOT NULL,
    recorded_by     text        NOT NULL,
    FOREIGN KEY (tenant_id, third_party_id) REFERENCES third_party (tenant_id, id),
    CHECK (next_check_due > checked_on)
);
CREATE INDEX cross_border_check_by_party ON cross_border_check (tenant_id, third_party_id, checked_on DESC, recorded_at DESC);

-- Records of personal data provided to third parties (APPI Art. 29; PPC Rules 19-21), append-only.
CREATE TABLE provision_record (
    id                       uuid PRIMARY KEY,
    tenant_id                text        NOT NULL,
    recipient_id             uuid        NOT NULL,
    recipient_name           text        NOT NULL,
    recipient_address        text        NOT NULL,
    recipient_representative text,
    recipient_country        text        NOT NULL,
    legal_basis              text        NOT NULL,
    cross_border_basis       text,
    purpose                  text,
    purpose_version          integer,
    consent_confirmed        boolean     NOT NULL,
    joint_use_scheme_id      uuid,
    joint_use_scheme_version integer,
    contractor_id            uuid,
    opt_out_filing_id        uuid,
    statutory_record         boolean     NOT NULL,
    method                   text        NOT NULL CHECK (method IN ('EACH', 'BULK', 'CONTRACT_SUBSTITUTE')),
    provided_on              date,
    last_transfer_on         date,
    data_items               text        NOT NULL,
    recorded_on              date        NOT NULL,
    recorded_at              timestamptz NOT NULL,
    recorded_by              text        NOT NULL,
    retain_until             date        NOT NULL,
    FOREIGN KEY (tenant_id, recipient_id) REFERENCES third_party (tenant_id, id),
    UNIQUE (tenant_id, id),
    -- Rule 20(1)(ii): a consent-based record states that the principal consented.
    CHECK (legal_basis <> 'CONSENT' OR consent_confirmed),
    -- Rule 20(1)(i): an opt-out record holds the date of provision; Rule 19(2): never in bulk.
    CHECK (legal_basis <> 'OPT_OUT' OR (provided_on IS NOT NULL AND method <> 'BULK')),
    -- Rule 21(i)(ii): bulk and contract-substitute records are kept from the last provision.
    CHECK (method = 'EACH' OR last_transfer_on IS NOT NULL),
    CHECK (legal_basis <> 'JOINT_USE' OR joint_use_scheme_id IS NOT NULL),
    CHECK (legal_basis <> 'ENTRUSTMENT' OR contractor_id IS NOT NULL)
);
CREATE INDEX provision_record_by_recipient ON provision_record (tenant_id, recipient_id, recorded_at);
CREATE INDEX provision_record_by_retention ON provision_record (retain_until);

CREATE TABLE provision_subject (
    id           uuid PRIMARY KEY,
    tenant_id    text    NOT NULL,
    provision_id uuid    NOT NULL,
    subject_ref  text    NOT NULL,
    position     integer NOT NULL,
    FOREIGN KEY (tenant_id, provision_id) REFERENCES provision_record (tenant_id, id) ON DELETE CASCADE,
    UNIQUE (provision_id, subject_ref),
    UNIQUE (provision_id, position)
);
CREATE INDEX provision_subject_by_subject ON provision_subject (tenant_id, subject_ref, provision_id);

-- Records are never edited, and never removed while they must be kept (Art. 29(2); Rule 21).
CREATE FUNCTION provision_record_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'provision_record is append-only';
    END IF;
    IF OLD.retain_until >= (now() AT TIME ZONE 'Asia/Tokyo')::date THEN
        RAISE EXCEPTION 'provision_record % must be kept until %', OLD.id, OLD.retain_until;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER provision_record_append_only
    BEFORE UPDATE OR DELETE ON provision_record
    FOR EACH ROW EXECUTE FUNCTION provision_record_is_append_only();

CREATE FUNCTION provision_subject_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'provision_subject is append-only';
    END IF;
    IF EXISTS (SELECT 1 FROM provision_record r WHERE r.id = OLD.provision_id
               AND r.retain_until >= (now() AT TIME ZONE 'Asia/Tokyo')::date) THEN
        RAISE EXCEPTION 'provision_subject of record % must be kept with its record', OLD.provision_id;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER provision_subject_append_only
    BEFORE UPDATE OR DELETE ON provision_subject
    FOR EACH ROW EXECUTE FUNCTION provision_subject_is_append_only();

-- Stops of third-party provision for a person on an approved request (Arts. 27(2), 35(3), 35(5)).
CREATE TABLE provision_stop (
    id          uuid PRIMARY KEY,
    tenant_id   text        NOT NULL,
    subject_ref text        NOT NULL,
    ground      text        NOT NULL CHECK (ground IN ('ART_27_2_OPT_OUT', 'ART_35_3', 'ART_35_5_NO_LONGER_NEEDED',
                    'ART_35_5_LEAK', 'ART_35_5_HARM')),
    request_ref text        NOT NULL,
    stopped_at  timestamptz NOT NULL,
    stopped_by  text        NOT NULL,
    lifted_at   timestamptz,
    lifted_by   text,
    lift_reason text,
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL)),
    UNIQUE (tenant_id, id)
);
-- One stop in force per person.
CREATE UNIQUE INDEX provision_stop_in_force ON provision_stop (tenant_id, subject_ref) WHERE lifted_at IS NULL;

-- Evidence of every record deleted at the end of its retention, append-only (Arts. 29(2), 30(4)).
CREATE TABLE record_deletion (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    record_type   text        NOT NULL CHECK (record_type IN ('PROVISION', 'RECEIPT')),
    record_id     uuid        NOT NULL,
    counterparty  text        NOT NULL,
    subject_refs  text        NOT NULL,
    method        text        NOT NULL,
    recorded_on   date        NOT NULL,
    retain_until  date        NOT NULL,
    rule          text        NOT NULL,
    deleted_at    timestamptz NOT NULL,
    deleted_by    text        NOT NULL,
    UNIQUE (record_type, record_id)
);
CREATE INDEX record_deletion_by_tenant ON record_deletion (tenant_id, deleted_at DESC, id);

CREATE FUNCTION record_deletion_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'record_deletion is append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER record_deletion_append_only
    BEFORE UPDATE OR DELETE ON record_deletion
    FOR EACH ROW EXECUTE FUNCTION record_deletion_is_append_only();
