-- Staff mails once are the platform's now (StaffMail over its table staff_mail_sent, db/common V0_6, which runs
-- before this). The rows of V8's staff_notice move there first: the near-due and overdue sweeps look for requests
-- without a row for their due date, and the digest for a row for today, so without them every open request near or
-- past its due date, and today's digest, would be mailed a second time after the upgrade. The lock keeps an older
-- replica from recording a mail between the copy and the drop (its insert waits, then fails on the dropped table
-- and its job sends nothing).
LOCK TABLE staff_notice IN EXCLUSIVE MODE;
INSERT INTO staff_mail_sent (tenant_id, kind, subject, day, created_at)
SELECT tenant_id, kind, subject, day, created_at FROM staff_notice
ON CONFLICT DO NOTHING;
DROP TABLE staff_notice;
