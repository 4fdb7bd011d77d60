-- Records of personal data received from third parties (APPI Art. 30(3); PPC Rules 23-25), append-only.
CREATE TABLE receipt_record (
    id                        uuid PRIMARY KEY,
    tenant_id                 text        NOT NULL,
    provider_id               uuid        NOT NULL,
    provider_name             text        NOT NULL,
    provider_address          text        NOT NULL,
    provider_representative   text,
    acquisition_circumstances text        NOT NULL,
    basis                     text        NOT NULL CHECK (basis IN ('CONSENT', 'OPT_OUT')),
    consent_confirmed         boolean     NOT NULL,
    ppc_publication_confirmed boolean     NOT NULL,
    method                    text        NOT NULL CHECK (method IN ('EACH', 'BULK', 'CONTRACT_SUBSTITUTE')),
    received_on               date,
    last_transfer_on          date,
    data_items                text        NOT NULL,
    recorded_on               date        NOT NULL,
    recorded_at               timestamptz NOT NULL,
    recorded_by               text        NOT NULL,
    retain_until              date        NOT NULL,
    -- The provider is a party of the same tenant.
    FOREIGN KEY (tenant_id, provider_id) REFERENCES third_party (tenant_id, id),
    UNIQUE (tenant_id, id),
    -- Rule 24(1)(ii)(a): a consent-based receipt records that the principal consented.
    CHECK (basis <> 'CONSENT' OR consent_confirmed),
    -- Rule 24(1)(i)(a)(e): an opt-out receipt records the date received and the PPC publication (Art. 27(4)).
    CHECK (basis <> 'OPT_OUT' OR (received_on IS NOT NULL AND ppc_publication_confirmed)),
    -- Rule 23(2): opt-out receipts are never recorded in bulk.
    CHECK (basis <> 'OPT_OUT' OR method <> 'BULK'),
    -- Rule 25(i)(ii): bulk and contract-substitute records are kept from the last receipt.
    CHECK (method = 'EACH' OR last_transfer_on IS NOT NULL),
    CHECK (received_on IS NULL OR last_transfer_on IS NULL OR last_transfer_on >= received_on)
);
CREATE INDEX receipt_record_by_provider ON receipt_record (tenant_id, provider_id, recorded_at);
CREATE INDEX receipt_record_by_retention ON receipt_record (retain_until);

-- The principals of each record, for the disclosure of records about a person (Art. 33(5)).
CREATE TABLE receipt_subject (
    id          uuid PRIMARY KEY,
    tenant_id   text    NOT NULL,
    receipt_id  uuid    NOT NULL,
    subject_ref text    NOT NULL,
    position    integer NOT NULL,
    FOREIGN KEY (tenant_id, receipt_id) REFERENCES receipt_record (tenant_id, id) ON DELETE CASCADE,
    UNIQUE (receipt_id, subject_ref),
    UNIQUE (receipt_id, position)
);
CREATE INDEX receipt_subject_by_subject ON receipt_subject (tenant_id, subject_ref, receipt_id);

-- Records are never edited, and never removed while they must be kept (Art. 30(4); Rule 25). The retention end is
-- a date in Japan, so "today" is taken in Japan too.
CREATE FUNCTION receipt_record_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'receipt_record is append-only';
    END IF;
    IF OLD.retain_until >= (now() AT TIME ZONE 'Asia/Tokyo')::date THEN
        RAISE EXCEPTION 'receipt_record % must be kept until %', OLD.id, OLD.retain_until;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER receipt_record_append_only
    BEFORE UPDATE OR DELETE ON receipt_record
    FOR EACH ROW EXECUTE FUNCTION receipt_record_is_append_only();

-- A principal line goes only with its record, once the record itself may go.
CREATE FUNCTION receipt_subject_is_append_only() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' THEN
        RAISE EXCEPTION 'receipt_subject is append-only';
    END IF;
    IF EXISTS (SELECT 1 FROM receipt_record r WHERE r.id = OLD.receipt_id
               AND r.retain_until >= (now() AT TIME ZONE 'Asia/Tokyo')::date) THEN
        RAISE EXCEPTION 'receipt_subject of record % must be kept with its record', OLD.receipt_id;
    END IF;
    RETURN OLD;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER receipt_subject_append_only
    BEFORE UPDATE OR DELETE ON receipt_subject
    FOR EACH ROW EXECUTE FUNCTION receipt_subject_is_append_only();
