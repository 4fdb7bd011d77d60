-- Joint use within a company group (APPI Art. 27(5)(iii), 27(6)). A scheme belongs to the tenant that manages it
-- (the person responsible) and names the member tenants of the same group.
CREATE TABLE joint_use_scheme (
    id              uuid PRIMARY KEY,
    tenant_id       text        NOT NULL,
    group_id        text        NOT NULL,
    title           text        NOT NULL,
    current_version integer     NOT NULL,
    created_at      timestamptz NOT NULL,
    created_by      text        NOT NULL,
    UNIQUE (tenant_id, id)
);
CREATE INDEX joint_use_scheme_by_tenant ON joint_use_scheme (tenant_id, created_at, id);

-- Each version holds the five items of Art. 27(5)(iii), with its effective date and the notice Art. 27(6) asks for.
CREATE TABLE joint_use_scheme_version (
    id                         uuid PRIMARY KEY,
    scheme_id                  uuid        NOT NULL REFERENCES joint_use_scheme (id),
    tenant_id                  text        NOT NULL,
    version                    integer     NOT NULL CHECK (version > 0),
    data_items                 text        NOT NULL,
    members                    text        NOT NULL,
    purposes                   text        NOT NULL,
    responsible_name           text        NOT NULL,
    responsible_address        text        NOT NULL,
    responsible_representative text        NOT NULL,
    effective_from             date        NOT NULL,
    changes                    text        NOT NULL,
    advance_notice_required    boolean     NOT NULL,
    notice_on                  date,
    published_at               timestamptz NOT NULL,
    published_by               text        NOT NULL,
    UNIQUE (scheme_id, version),
    -- Art. 27(6): a change of purpose or of the responsible person is notified before it takes effect.
    CHECK (NOT advance_notice_required OR (notice_on IS NOT NULL AND notice_on < effective_from))
);

-- Who may read a scheme: the members of its latest version (rewritten with every version).
CREATE TABLE joint_use_member (
    scheme_id        uuid NOT NULL REFERENCES joint_use_scheme (id),
    member_tenant_id text NOT NULL,
    PRIMARY KEY (scheme_id, member_tenant_id)
);
CREATE INDEX joint_use_member_by_member ON joint_use_member (member_tenant_id, scheme_id);
