package dev.mamori.platform.audit;

import dev.mamori.platform.text.StorableText;
import java.time.OffsetDateTime;

/** What one audit line will say, captured while the caller's request (and its token) is at hand. */
public record AuditEntry(
        String tenantId,
        String actorSubject,
        String actorClient,
        String action,
        String resourceType,
        String resourceId,
        String subjectRef,
        String outcome,
        OffsetDateTime occurredAt) {

    /** A line hashes over exactly what PostgreSQL stores, whatever text reached it, so the chain always verifies. */
    public AuditEntry {
        actorSubject = StorableText.storable(actorSubject);
        actorClient = StorableText.storable(actorClient);
        resourceId = StorableText.storable(resourceId);
        subjectRef = StorableText.storable(subjectRef);
    }
}
