-- Staff mails once are the platform's now (StaffMail over its table staff_mail_sent, db/common V0_6, which runs
-- before this). The rows of V10's staff_notice move there first: the sweep looks for certifications and audits
-- without a row for their expiry or due date, so without them every one falling due within the window would be
-- mailed a second time after the upgrade. The lock keeps an older replica from recording a mail between the copy and
-- the drop (its insert waits, then fails on the dropped table and its job sends nothing).
LOCK TABLE staff_notice IN EXCLUSIVE MODE;
INSERT INTO staff_mail_sent (tenant_id, kind, subject, day, created_at)
SELECT tenant_id, kind, subject, day, created_at FROM staff_notice
ON CONFLICT DO NOTHING;
DROP TABLE staff_notice;
