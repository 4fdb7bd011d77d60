-- A holding registered one by one is no longer looked up before it is inserted: the unique key on (tenant, person,
-- category, owning system, locator), there since V2, refuses the second of two identical holdings, also when the two
-- race, and the service answers 409 holding-exists when the violation names this key. PostgreSQL named the key from
-- its columns, cut to 63 characters; the code matches a name of our own. Renaming the constraint renames its index:
-- no second unique index is built, which would cost every holding a second, identical index entry.
ALTER TABLE holding RENAME CONSTRAINT holding_tenant_id_subject_ref_category_code_owning_system_l_key
    TO holding_same_record;
