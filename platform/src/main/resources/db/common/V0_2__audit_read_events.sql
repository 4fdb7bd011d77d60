-- High-volume reads (the use decision) are recorded as one chained audit event per flush of the read buffer and
-- caller, holding up to a configured number of reads: the person, the resource and the time of each read, in three
-- arrays of equal length. Every read is still on record and covered by the tenant's hash chain; what goes is a row
-- and three index entries per read, which cost more than the read itself.
--
-- Numbered V0_2 with the other platform tables; services number theirs from V1, so on a database that already has a
-- service's V1..Vn this runs out of order (quarkus.flyway.out-of-order=true). It touches only platform tables.
ALTER TABLE audit_event
    ADD COLUMN subject_refs text[],
    ADD COLUMN resource_ids text[],
    ADD COLUMN occurred_ats timestamptz[],
    ADD CONSTRAINT audit_event_reads_shape CHECK (
        (subject_refs IS NULL AND resource_ids IS NULL AND occurred_ats IS NULL)
        OR (cardinality(subject_refs) > 0
            AND cardinality(resource_ids) = cardinality(subject_refs)
            AND cardinality(occurred_ats) = cardinality(subject_refs)));

-- "Every read of this person's data" must stay a query an auditor can run: the people of read events are indexed.
CREATE INDEX audit_event_subject_refs ON audit_event USING gin (subject_refs);
