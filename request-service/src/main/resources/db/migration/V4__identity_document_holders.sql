-- Whose identity each verification document proves (PERSON or AGENT), in the order of identity_documents: an
-- agent's request is verified on the agent's own documents as well (APPI Art. 37). Never a document number.
ALTER TABLE data_subject_request
    ADD COLUMN identity_document_holders text;
