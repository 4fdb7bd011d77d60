-- Personal-data incidents (漏えい等, APPI Art. 26; PPC Rules 7-10). One row per incident; what was affected
-- (categories from the ledger, persons) is part of the row, since the triage reads it as a whole.
CREATE TABLE incident (
    id                     uuid PRIMARY KEY,
    tenant_id              text        NOT NULL,
    nature                 text        NOT NULL CHECK (nature IN ('LEAK', 'LOSS', 'DAMAGE')),
    kind                   text        NOT NULL,
    title                  text        NOT NULL,
    summary                text        NOT NULL,
    -- NULL: when it happened is not known (yet).
    occurred_at            timestamptz,
    -- When the company (any of its departments) knew: the report clocks run from the day of this instant in Japan.
    discovered_at          timestamptz NOT NULL,
    discovered_how         text        NOT NULL,
    handler                text        NOT NULL,
    status                 text        NOT NULL,
    data_owner             text        NOT NULL CHECK (data_owner IN ('OWN', 'CLIENT')),
    client_tenant_id       text,
    -- The affected ledger categories as a JSON array (code, names, items, sensitive, financial harm).
    categories             text        NOT NULL,
    persons_count          integer     NOT NULL CHECK (persons_count >= 0),
    persons_estimated      boolean     NOT NULL,
    persons_basis          text        NOT NULL,
    subject_refs           text        NOT NULL,
    unlawful_purpose       boolean     NOT NULL,
    highly_encrypted       boolean     NOT NULL,
    preliminary_days       integer     NOT NULL,
    override_reportable    boolean,
    override_reason        text,
    override_by            text,
    override_at            timestamptz,
    cause                  text,
    secondary_harm         text,
    publication            text,
    prevention             text,
    other_notes            text,
    client_notified_at     timestamptz,
    client_notified_by     text,
    client_notice          text,
    client_acknowledged_at timestamptz,
    client_acknowledged_by text,
    created_at             timestamptz NOT NULL,
    created_by             text        NOT NULL,
    updated_at             timestamptz NOT NULL,
    CHECK ((data_owner = 'CLIENT') = (client_tenant_id IS NOT NULL)),
    CHECK (client_tenant_id IS NULL OR client_tenant_id <> tenant_id),
    CHECK (occurred_at IS NULL OR occurred_at <= discovered_at),
    CHECK ((override_reportable IS NULL) = (override_reason IS NULL))
);
CREATE INDEX incident_tenant ON incident (tenant_id, discovered_at, id);
-- A client company's privacy officer reads the incidents its contractors notified to it.
CREATE INDEX incident_client ON incident (client_tenant_id, client_notified_at) WHERE client_notified_at IS NOT NULL;

-- Reports to the PPC (Rule 8): the preliminary and the final one, each once, never edited once submitted.
CREATE TABLE incident_report (
    id                uuid PRIMARY KEY,
    tenant_id         text        NOT NULL,
    incident_id       uuid        NOT NULL REFERENCES incident (id),
    stage             text        NOT NULL CHECK (stage IN ('PRELIMINARY', 'FINAL')),
    content           text        NOT NULL,
    reception_number  text        NOT NULL,
    submitted_at      timestamptz NOT NULL,
    submitted_by      text        NOT NULL,
    recorded_at       timestamptz NOT NULL,
    UNIQUE (incident_id, stage)
);

CREATE FUNCTION incident_report_is_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'a submitted incident report is never changed';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER incident_report_immutable
    BEFORE UPDATE OR DELETE ON incident_report
    FOR EACH ROW EXECUTE FUNCTION incident_report_is_immutable();

-- Notices to persons (Art. 26(2), Rule 10), or a public announcement in their place.
CREATE TABLE person_notice (
    id           uuid PRIMARY KEY,
    tenant_id    text        NOT NULL,
    incident_id  uuid        NOT NULL REFERENCES incident (id),
    kind         text        NOT NULL CHECK (kind IN ('NOTICE', 'PUBLIC_ANNOUNCEMENT')),
    channel      text        NOT NULL,
    text         text        NOT NULL,
    persons      integer     NOT NULL CHECK (persons >= 0),
    subject_refs text        NOT NULL,
    sent_at      timestamptz NOT NULL,
    outcome      text        NOT NULL,
    reason       text,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);
CREATE INDEX person_notice_incident ON person_notice (incident_id, sent_at);

-- What is done about it: containment, prevention, holds and stops, with an owner and a due date.
CREATE TABLE incident_measure (
    id           uuid PRIMARY KEY,
    tenant_id    text        NOT NULL,
    incident_id  uuid        NOT NULL REFERENCES incident (id),
    kind         text        NOT NULL,
    action       text        NOT NULL,
    owner        text        NOT NULL,
    due_on       date        NOT NULL,
    done_at      timestamptz,
    recorded_at  timestamptz NOT NULL,
    recorded_by  text        NOT NULL
);
CREATE INDEX incident_measure_incident ON incident_measure (incident_id, due_on);

-- Notices to staff (the privacy office of a tenant) through the platform outbox: a report falling due, an incident
-- a contractor notified. Mail does not exist yet: rows wait QUEUED for the sender that will deliver them.
CREATE TABLE staff_notice (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    incident_id     uuid        NOT NULL REFERENCES incident (id),
    kind            text        NOT NULL,
    due_on          date,
    message         text        NOT NULL,
    status          text        NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    lease_until     timestamptz,
    leased_by       uuid,
    last_error      text,
    created_at      timestamptz NOT NULL,
    -- Each notice once per incident and kind, however often the sweep runs.
    UNIQUE (tenant_id, incident_id, kind)
);
CREATE INDEX staff_notice_due ON staff_notice (next_attempt_at) WHERE status IN ('QUEUED', 'RETRYING');
