package dev.mamori.console.client;

import dev.mamori.web.PageOf;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The parts of request-service's API the person, dashboard and audit pages read (the requests pages use
 * {@link RequestApi}): one person's requests, the handling record, the audit log.
 */
@RegisterRestClient(configKey = "request")
@RegisterClientHeaders(StaffHeaders.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface RequestRecordsApi {

    @GET
    @Path("/requests")
    PageOf<RequestApi.Summary> ofSubject(
            @QueryParam("subjectRef") String subjectRef,
            @QueryParam("offset") int offset,
            @QueryParam("limit") int limit);

    @GET
    @Path("/requests")
    PageOf<RequestApi.Summary> page(
            @QueryParam("status") List<String> status,
            @QueryParam("offset") int offset,
            @QueryParam("limit") int limit);

    /** The PrivacyMark handling record: one line per request received in [from, to], with answered_by_due_date. */
    @GET
    @Path("/requests/handling-record.csv")
    @Produces("text/csv")
    String handlingRecord(@QueryParam("from") String from, @QueryParam("to") String to);

    @GET
    @Path("/audit-events")
    PageOf<AuditApi.Event> auditEvents(
            @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
            @QueryParam("limit") int limit,
            @QueryParam("subjectRef") String subjectRef);

    @GET
    @Path("/audit-events/verification")
    AuditApi.Verification verifyAudit();
}
