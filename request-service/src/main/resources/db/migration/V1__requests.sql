-- Data-subject requests (APPI Arts. 32-39) and their append-only event log.
-- Personal data of the requester is stored only as AES-GCM ciphertext (*_cipher columns, "<key-id>:<base64>").
CREATE TABLE data_subject_request (
    id                       uuid PRIMARY KEY,
    tenant_id                text        NOT NULL,
    type                     text        NOT NULL CHECK (type IN ('PURPOSE_NOTIFICATION', 'DISCLOSURE',
                                 'PROVISION_RECORD_DISCLOSURE', 'CORRECTION', 'USE_STOP', 'ERASURE', 'PROVISION_STOP')),
    status                   text        NOT NULL CHECK (status IN ('IDENTITY_UNVERIFIED', 'COMPLETED', 'REFUSED',
                                 'CANCELLED')),
    subject_ref              text        NOT NULL,
    channel                  text        NOT NULL CHECK (channel IN ('WEB', 'PHONE', 'LETTER', 'EMAIL', 'IN_PERSON',
                                 'CLIENT_SYSTEM')),
    received_at              timestamptz NOT NULL,
    statutory_marker_on      date,
    due_on                   date        NOT NULL,
    source_actor             text        NOT NULL,
    source_client            text,
    requester_relation       text        NOT NULL CHECK (requester_relation IN ('SELF', 'STATUTORY_AGENT',
                                 'APPOINTED_AGENT')),
    requester_name_cipher    text        NOT NULL,
    requester_contact_cipher text        NOT NULL,
    agent_type               text CHECK (agent_type IN ('PARENTAL_AUTHORITY', 'MINOR_GUARDIAN', 'ADULT_GUARDIAN',
                                 'POWER_OF_ATTORNEY')),
    agent_evidence_cipher    text,
    delivery_method          text CHECK (delivery_method IN ('ELECTRONIC', 'PAPER')),
    stop_ground              text CHECK (stop_ground IN ('ART_35_1', 'ART_35_3', 'ART_35_5_A', 'ART_35_5_B',
                                 'ART_35_5_C')),
    correction_kind          text CHECK (correction_kind IN ('CORRECTION', 'ADDITION', 'DELETION')),
    correction_item          text,
    correction_cipher        text,
    external_id              text,
    callback_url             text,
    created_at               timestamptz NOT NULL,
    updated_at               timestamptz NOT NULL,
    closed_at                timestamptz,
    close_reason             text,
    last_event_seq           integer     NOT NULL,
    -- The same rules the service checks, so no other writer can store a request the law does not describe.
    CONSTRAINT agent_iff_not_self CHECK ((requester_relation = 'SELF') = (agent_type IS NULL)
        AND (agent_type IS NULL) = (agent_evidence_cipher IS NULL)),
    CONSTRAINT ground_iff_art35 CHECK ((type IN ('USE_STOP', 'ERASURE', 'PROVISION_STOP')) = (stop_ground IS NOT NULL)),
    CONSTRAINT correction_iff_art34 CHECK ((type = 'CORRECTION') = (correction_kind IS NOT NULL)
        AND (correction_kind IS NULL) = (correction_item IS NULL)
        AND (correction_kind IS NULL) = (correction_cipher IS NULL)),
    CONSTRAINT delivery_for_disclosure CHECK ((type IN ('DISCLOSURE', 'PROVISION_RECORD_DISCLOSURE'))
        = (delivery_method IS NOT NULL)),
    CONSTRAINT closed_iff_terminal CHECK ((status IN ('COMPLETED', 'REFUSED', 'CANCELLED')) = (closed_at IS NOT NULL))
);

-- At most one open request per person and type: the duplicate check's backstop under concurrency.
CREATE UNIQUE INDEX data_subject_request_one_open ON data_subject_request (tenant_id, subject_ref, type)
    WHERE status NOT IN ('COMPLETED', 'REFUSED', 'CANCELLED');
CREATE INDEX data_subject_request_queue ON data_subject_request (tenant_id, received_at, id);
CREATE INDEX data_subject_request_subject ON data_subject_request (tenant_id, subject_ref);
CREATE INDEX data_subject_request_open_due ON data_subject_request (tenant_id, due_on)
    WHERE status NOT IN ('COMPLETED', 'REFUSED', 'CANCELLED');

CREATE TABLE request_event (
    id            uuid PRIMARY KEY,
    tenant_id     text        NOT NULL,
    request_id    uuid        NOT NULL REFERENCES data_subject_request (id),
    seq           integer     NOT NULL,
    kind          text        NOT NULL,
    occurred_at   timestamptz NOT NULL,
    actor_subject text        NOT NULL,
    actor_client  text,
    status_after  text        NOT NULL,
    detail        text,
    UNIQUE (request_id, seq)
);
CREATE INDEX request_event_tenant ON request_event (tenant_id, request_id, seq);

-- A request's log is never edited or shortened; the database refuses it too.
CREATE FUNCTION request_event_is_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'request_event is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER request_event_append_only
    BEFORE UPDATE OR DELETE ON request_event
    FOR EACH ROW EXECUTE FUNCTION request_event_is_append_only();
