-- Issue 6 review: a done call may carry a note (e.g. a provision stop was already in force), and the sending of
-- the result notice to the person is recorded (appi-checklist §5: notified_at).

ALTER TABLE fulfilment_task ADD COLUMN note text;

ALTER TABLE data_subject_request
    ADD COLUMN notified_at  timestamptz,
    ADD COLUMN notified_by  text,
    ADD COLUMN notified_via text CHECK (notified_via IN ('POST', 'EMAIL', 'ELECTRONIC_DELIVERY')),
    -- All three or none; and only for a request that ended with a result (there is nothing to notify before).
    ADD CONSTRAINT notice_recorded_whole CHECK ((notified_at IS NULL) = (notified_by IS NULL)
        AND (notified_at IS NULL) = (notified_via IS NULL)),
    ADD CONSTRAINT notice_after_result CHECK (notified_at IS NULL OR status IN ('COMPLETED', 'REFUSED'));
