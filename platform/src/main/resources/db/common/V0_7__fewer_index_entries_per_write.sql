-- Fewer index entries for every write (one-by-one writes are bound by CPU, and each index entry is CPU and WAL).
--
-- Only read events carry subject_refs (one line per batch of reads, V0_2); every other line, one per write, has
-- NULL there, and a GIN index keeps an entry for a NULL too. The lookup by person asks
-- subject_refs @> ARRAY[...], which only a non-NULL array can satisfy, so PostgreSQL still uses this index for it.
DROP INDEX audit_event_subject_refs;
CREATE INDEX audit_event_subject_refs ON audit_event USING gin (subject_refs) WHERE subject_refs IS NOT NULL;

-- created_at only serves the prune of notices older than an hour, once a minute. Notices are appended in time
-- order, so a block-range index answers that range as well as a B-tree, and costs nothing on insert.
DROP INDEX change_notice_by_age;
CREATE INDEX change_notice_by_age ON change_notice USING brin (created_at);
