-- The representative of a corporate controller: APPI Art. 32(1)(i) makes the name public with the company's own.
ALTER TABLE tenant_policy ADD COLUMN controller_representative text;
