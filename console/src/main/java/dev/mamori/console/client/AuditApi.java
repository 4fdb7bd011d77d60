package dev.mamori.console.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;

/** Every service's audit log (platform AuditResource, auditors only): its events and the check of its hash chain. */
@Path("/v1/audit-events")
@Produces(MediaType.APPLICATION_JSON)
public interface AuditApi {

    @GET
    PageOf<Event> events(@QueryParam("afterSeq") long afterSeq, @QueryParam("limit") int limit);

    @GET
    @Path("/verification")
    Verification verify();

    record Event(
            long seq,
            OffsetDateTime occurredAt,
            String actorSubject,
            String actorClient,
            String action,
            String resourceType,
            String resourceId,
            String outcome) {}

    record Verification(boolean intact, long eventsChecked, Long brokenAtSeq, String reason) {}
}
