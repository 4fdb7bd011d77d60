-- A provision abroad records what its Art. 28 basis rested on (APPI Art. 28(1)-(3); PPC Rules 17, 18):
-- consent: the versions of the purpose, with the information on the country's system and the recipient's measures,
-- that the principals consented on (a JSON array of integers); equivalent measures: the latest periodic check.
ALTER TABLE provision_record ADD COLUMN cross_border_consent_versions text;
ALTER TABLE provision_record ADD COLUMN cross_border_check_id uuid;
ALTER TABLE provision_record ADD COLUMN cross_border_checked_on date;
-- NOT VALID: records made before these items existed are never edited (append-only) and keep them empty; every
-- record made from now on is checked.
ALTER TABLE provision_record ADD CONSTRAINT provision_record_cross_border_consent CHECK (
    (coalesce(cross_border_basis, '') = 'CONSENT_WITH_INFORMATION')
        = (cross_border_consent_versions IS NOT NULL AND cross_border_consent_versions ~ '^\[[0-9]+(,[0-9]+)*\]$')) NOT VALID;
ALTER TABLE provision_record ADD CONSTRAINT provision_record_cross_border_check CHECK (
    (coalesce(cross_border_basis, '') = 'EQUIVALENT_MEASURES')
        = (cross_border_check_id IS NOT NULL AND cross_border_checked_on IS NOT NULL)) NOT VALID;
ALTER TABLE provision_record ADD CONSTRAINT provision_record_cross_border_check_pair CHECK (
    (cross_border_check_id IS NULL) = (cross_border_checked_on IS NULL)) NOT VALID;
