-- A request taken in one by one (POST /v1/requests) no longer takes a lock per person and type nor reads for an open
-- request of the same type before it is inserted: the partial unique index on open requests, there since V1, refuses
-- the second open request of a person and type, also when two intakes race (the second waits for the first's commit),
-- and the service answers 409 duplicate-request when the violation names this index. It gets a name that says what
-- it guarantees, and the code matches that name. Renaming keeps the index: no second one is built.
ALTER INDEX data_subject_request_one_open RENAME TO one_open_request_per_person_and_type;
