-- Erasure evidence is stored one row per erasure request, i.e. per purge batch (or person's erasure) and owning
-- system, with the erased holdings' fields as parallel arrays. What a holding-level reader sees is unchanged: the
-- view erasure_evidence unnests it to one row per erased holding, with the same columns as the table it replaces
-- (less seq, which nothing read).
--
-- Why: one evidence row per holding (heap tuple, primary-key entry, period-index entry, sequence call) cost about
-- twice what deleting the holding itself cost, and made the purge the slowest part of keeping the promise of
-- APPI Art. 22. A batch row is written once per 5,000 holdings and compresses (TOAST); measured side by side, a purge
-- batch with batch rows costs about what a plain DELETE of the same holdings costs, and the evidence takes about
-- a tenth of the space (27 against 285 bytes a holding).
--
-- No holding is erased twice: the evidence is built from what the DELETE returned, and a row can be deleted only
-- once (the purge picks with FOR UPDATE SKIP LOCKED, a person's erasure waits for the lock and then finds the row
-- gone). The old primary key on holding_id was a second guard for the same thing.
CREATE TABLE erasure_evidence_batch (
    erasure_request_id uuid PRIMARY KEY,
    tenant_id          text          NOT NULL,
    owning_system      text          NOT NULL,
    cause              text          NOT NULL CHECK (cause IN ('RETENTION', 'SUBJECT_REQUEST')),
    request_ref        text,
    run_id             uuid,
    erased_at          timestamptz   NOT NULL,
    erased_by          text          NOT NULL,
    -- One element per erased holding, in the same order in every array.
    holding_ids        uuid[]        NOT NULL,
    subject_refs       text[]        NOT NULL,
    category_codes     text[]        NOT NULL,
    locators           text[]        NOT NULL,
    collected_ats      timestamptz[] NOT NULL,
    delete_afters      timestamptz[] NOT NULL,
    retention_bases    text[]        NOT NULL,
    retention_days     integer[]     NOT NULL,
    rules              text[]        NOT NULL,
    contract_refs      text[]        NOT NULL,
    extension_ids      uuid[]        NOT NULL,
    -- The arrays describe the same holdings: a batch whose arrays disagree in length is refused, not misread.
    CHECK (cardinality(holding_ids) > 0
        AND cardinality(subject_refs) = cardinality(holding_ids)
        AND cardinality(category_codes) = cardinality(holding_ids)
        AND cardinality(locators) = cardinality(holding_ids)
        AND cardinality(collected_ats) = cardinality(holding_ids)
        AND cardinality(delete_afters) = cardinality(holding_ids)
        AND cardinality(retention_bases) = cardinality(holding_ids)
        AND cardinality(retention_days) = cardinality(holding_ids)
        AND cardinality(rules) = cardinality(holding_ids)
        AND cardinality(contract_refs) = cardinality(holding_ids)
        AND cardinality(extension_ids) = cardinality(holding_ids))
);

-- Evidence written so far moves over unchanged, in the order it was written (certificates already issued keep
-- verifying: they digest the same fields).
INSERT INTO erasure_evidence_batch (erasure_request_id, tenant_id, owning_system, cause, request_ref, run_id,
                                    erased_at, erased_by, holding_ids, subject_refs, category_codes, locators,
                                    collected_ats, delete_afters, retention_bases, retention_days, rules,
                                    contract_refs, extension_ids)
SELECT erasure_request_id, tenant_id, owning_system, cause, request_ref, run_id, erased_at, erased_by,
       array_agg(holding_id ORDER BY seq), array_agg(subject_ref ORDER BY seq), array_agg(category_code ORDER BY seq),
       array_agg(locator ORDER BY seq), array_agg(collected_at ORDER BY seq), array_agg(delete_after ORDER BY seq),
       array_agg(retention_basis ORDER BY seq), array_agg(retention_days ORDER BY seq), array_agg(rule ORDER BY seq),
       array_agg(contract_ref ORDER BY seq), array_agg(extension_id ORDER BY seq)
FROM erasure_evidence
GROUP BY erasure_request_id, tenant_id, owning_system, cause, request_ref, run_id, erased_at, erased_by;

DROP TABLE erasure_evidence;

CREATE INDEX erasure_evidence_batch_period ON erasure_evidence_batch (tenant_id, erased_at);
CREATE INDEX erasure_evidence_batch_request_ref ON erasure_evidence_batch (tenant_id, request_ref)
    WHERE request_ref IS NOT NULL;

-- Evidence stays append-only (same function as before).
CREATE TRIGGER erasure_evidence_batch_append_only
    BEFORE UPDATE OR DELETE ON erasure_evidence_batch
    FOR EACH ROW EXECUTE FUNCTION erasure_evidence_is_append_only();

-- One row per erased holding. Filters on the batch's columns (tenant, period, request, run) reach the batch table's
-- indexes through the view.
CREATE VIEW erasure_evidence AS
SELECT i.holding_id, b.tenant_id, i.subject_ref, i.category_code, b.owning_system, i.locator, i.collected_at,
       i.delete_after, i.retention_basis, i.retention_days, i.rule, i.contract_ref, i.extension_id, b.cause,
       b.request_ref, b.run_id, b.erasure_request_id, b.erased_at, b.erased_by
FROM erasure_evidence_batch b
CROSS JOIN LATERAL unnest(b.holding_ids, b.subject_refs, b.category_codes, b.locators, b.collected_ats,
                          b.delete_afters, b.retention_bases, b.retention_days, b.rules, b.contract_refs,
                          b.extension_ids)
    AS i(holding_id, subject_ref, category_code, locator, collected_at, delete_after, retention_basis,
         retention_days, rule, contract_ref, extension_id);
