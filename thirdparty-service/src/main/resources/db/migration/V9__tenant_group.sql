-- The company group of each tenant, as the identity provider last said in a token of that tenant (its group claim),
-- for joint use within a group (APPI Art. 27(5)(iii)). Written only from a tenant's own tokens: no caller can put
-- another tenant into a group. A tenant whose token names no group has no row.
CREATE TABLE tenant_group (
    tenant_id text        PRIMARY KEY,
    group_id  text        NOT NULL,
    seen_at   timestamptz NOT NULL
);
CREATE INDEX tenant_group_by_group ON tenant_group (group_id, tenant_id);
