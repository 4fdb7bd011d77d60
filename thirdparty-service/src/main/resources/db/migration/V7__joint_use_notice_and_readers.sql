-- Art. 27(5)(iii), 27(6): besides the versions that need advance notice (the first one, a change of purposes or of
-- the person responsible), a change of the responsible person's name, address or representative needs a notice
-- date too (notified without delay; the suite asks for it by the effective date). notice_required marks every
-- version that needed one.
ALTER TABLE joint_use_scheme_version ADD COLUMN notice_required boolean NOT NULL DEFAULT false;
UPDATE joint_use_scheme_version SET notice_required = advance_notice_required;
ALTER TABLE joint_use_scheme_version ALTER COLUMN notice_required DROP DEFAULT;
ALTER TABLE joint_use_scheme_version ADD CHECK (NOT advance_notice_required OR notice_required);
ALTER TABLE joint_use_scheme_version
    ADD CHECK (NOT notice_required OR (notice_on IS NOT NULL AND notice_on <= effective_from));

-- Who may read a scheme: the members of the version in force (of the first while none is). Members are kept per
-- version, so publishing a version ahead of its effective date switches no reader before that day.
ALTER TABLE joint_use_member ADD COLUMN version integer;
DELETE FROM joint_use_member;
INSERT INTO joint_use_member (scheme_id, version, member_tenant_id)
SELECT DISTINCT v.scheme_id, v.version, m.member
FROM joint_use_scheme_version v
         CROSS JOIN LATERAL jsonb_array_elements_text(v.members::jsonb) AS m(member);
ALTER TABLE joint_use_member ALTER COLUMN version SET NOT NULL;
ALTER TABLE joint_use_member DROP CONSTRAINT joint_use_member_pkey;
ALTER TABLE joint_use_member ADD PRIMARY KEY (scheme_id, version, member_tenant_id);
ALTER TABLE joint_use_member ADD FOREIGN KEY (scheme_id, version)
    REFERENCES joint_use_scheme_version (scheme_id, version) DEFERRABLE INITIALLY DEFERRED;
DROP INDEX joint_use_member_by_member;
CREATE INDEX joint_use_member_by_member ON joint_use_member (member_tenant_id, scheme_id, version);
