-- Erasure requests are delivered through the platform's outbox, which records which claim holds a row: an answer
-- that comes back after another replica took the row over (its lease ran out) is then recognised and ignored.
ALTER TABLE erasure_request ADD COLUMN leased_by uuid;
