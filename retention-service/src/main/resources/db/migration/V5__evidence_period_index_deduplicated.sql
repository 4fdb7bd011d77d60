-- The period index served certificates by erased_at; holding_id in it made every entry unique, so each erased
-- holding cost a separate index entry. A purge batch erases thousands of holdings at one instant: without holding_id
-- those entries are equal and PostgreSQL's B-tree deduplication stores them as one posting list, which takes most of
-- the index's share out of the purge's write cost. Certificates sort the rows of a period themselves.
DROP INDEX erasure_evidence_period;
CREATE INDEX erasure_evidence_period ON erasure_evidence (tenant_id, erased_at);
