-- request_event_tenant (tenant_id, request_id, seq) repeated the unique key on (request_id, seq) with the tenant in
-- front: every read of a log is one request's (the log page, tenant and request given, ordered by seq), which the
-- unique key's index finds and orders as well (a request id belongs to one tenant; the tenant is checked on the few
-- rows found). Each log line, the first one of every intake included, cost a third index entry nobody read.
DROP INDEX request_event_tenant;
