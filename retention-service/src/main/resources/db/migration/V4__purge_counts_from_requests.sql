-- A purge run's erased count is summed from its erasure requests: one per batch and owning system, each counting
-- (item_count, never updated) exactly the evidence rows written by the same statement. The evidence then needs no
-- index by run, which was one of five index writes per erased holding on the purge's hot path; the requests are
-- few (one per 5,000 holdings and system), so their index costs next to nothing.
CREATE INDEX erasure_request_run ON erasure_request (run_id) WHERE run_id IS NOT NULL;
DROP INDEX erasure_evidence_run;
