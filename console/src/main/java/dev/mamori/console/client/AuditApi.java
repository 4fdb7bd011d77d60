package dev.mamori.console.client;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The platform's audit log as every service exposes it for its own database ({@code /v1/audit-events}, auditors
 * only): the records the pages show. Each service's client declares the two calls on its own base URL.
 */
public final class AuditApi {

    private AuditApi() {}

    public record Event(
            long seq,
            OffsetDateTime occurredAt,
            String actorSubject,
            String actorClient,
            String action,
            String resourceType,
            String resourceId,
            String subjectRef,
            String outcome,
            Integer reads) {}

    public record Verification(String tenant, boolean intact, long eventsChecked, Long brokenAtSeq, String reason) {}

    /** The services whose audit chains the console shows, in the order of the page. */
    public static final List<String> SERVICES =
            List.of("consent-service", "request-service", "retention-service", "thirdparty-service");
}
