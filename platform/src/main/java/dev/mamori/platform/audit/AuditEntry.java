package dev.mamori.platform.audit;

import java.time.OffsetDateTime;

/** What one audit line will say, captured while the caller's request (and its token) is at hand. */
public record AuditEntry(String tenantId, String actorSubject, String actorClient, String action,
                         String resourceType, String resourceId, String subjectRef, String outcome,
                         OffsetDateTime occurredAt) {
}
