package dev.mamori.console.client;

import dev.mamori.web.PageOf;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * thirdparty-service's public API (/v1): a person's provision and receipt records (APPI Arts. 29, 30), joint-use
 * schemes, contractors with their certifications and audits, its audit log.
 */
@RegisterRestClient(configKey = "thirdparty")
@RegisterClientHeaders(StaffHeaders.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ThirdPartyApi {

    @GET
    @Path("/subjects/{subjectRef}/provisions")
    PageOf<Provision> provisions(@PathParam("subjectRef") String subjectRef, @QueryParam("limit") int limit);

    @GET
    @Path("/subjects/{subjectRef}/receipts")
    PageOf<Receipt> receipts(@PathParam("subjectRef") String subjectRef, @QueryParam("limit") int limit);

    @GET
    @Path("/joint-use-schemes")
    PageOf<Scheme> schemes(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/contractors")
    PageOf<Contractor> contractors(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/contractors/expiring")
    List<Expiring> expiring(@QueryParam("withinDays") int withinDays);

    @GET
    @Path("/audit-events")
    PageOf<AuditApi.Event> auditEvents(
            @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
            @QueryParam("limit") int limit,
            @QueryParam("subjectRef") String subjectRef);

    @GET
    @Path("/audit-events/verification")
    AuditApi.Verification verifyAudit();

    record Provision(
            UUID id,
            Party recipient,
            String legalBasis,
            String purpose,
            boolean consentConfirmed,
            LocalDate providedOn,
            List<String> dataItems,
            LocalDate recordedOn,
            String recordedBy,
            LocalDate retainUntil) {}

    record Receipt(
            UUID id,
            Party provider,
            String acquisitionCircumstances,
            String basis,
            LocalDate receivedOn,
            List<String> dataItems,
            LocalDate recordedOn,
            String recordedBy,
            LocalDate retainUntil) {}

    record Party(String name, String address, String representative, String country) {}

    record Scheme(
            UUID id,
            String title,
            String role,
            String responsibleTenant,
            String group,
            int currentVersion,
            Integer versionInForce,
            OffsetDateTime createdAt) {}

    record Contractor(
            UUID id,
            String name,
            int auditIntervalMonths,
            LocalDate nextAuditDue,
            boolean usable,
            boolean certificationWarning,
            List<Certification> certifications) {}

    record Certification(String scheme, String number, LocalDate expiresOn, boolean expired) {}

    record Expiring(
            UUID contractorId, String name, String scheme, String number, LocalDate expiresOn, boolean expired) {}
}
