package dev.mamori.console.client;

import dev.mamori.web.PageOf;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** consent-service's public API (/v1): a person's consents and use stops, decisions, purposes, its audit log. */
@RegisterRestClient(configKey = "consent")
@RegisterClientHeaders(StaffHeaders.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ConsentApi {

    @GET
    @Path("/subjects/{subjectRef}/consents")
    History history(@PathParam("subjectRef") String subjectRef);

    @POST
    @Path("/consents/{id}/withdraw")
    Consent withdraw(
            @PathParam("id") UUID id, @HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> body);

    @POST
    @Path("/subjects/{subjectRef}/use-stops")
    List<UseStop> stopUse(
            @PathParam("subjectRef") String subjectRef,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            Map<String, Object> body);

    @GET
    @Path("/decisions")
    Decision decide(@QueryParam("subjectRef") String subjectRef, @QueryParam("purpose") String purpose);

    @GET
    @Path("/purposes")
    PageOf<Purpose> purposes(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/purposes/{code}")
    Purpose purpose(@PathParam("code") String code);

    @POST
    @Path("/purposes")
    Purpose createPurpose(@HeaderParam("Idempotency-Key") String idempotencyKey, Map<String, Object> draft);

    @POST
    @Path("/purposes/{code}/versions")
    Purpose publishVersion(
            @PathParam("code") String code,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            Map<String, Object> draft);

    /** Everyone who answered for the purpose, with when they consented and withdrew (UTF-8 CSV with BOM). */
    @GET
    @Path("/purposes/{code}/consent-states.csv")
    @Produces("text/csv")
    String consentStates(@PathParam("code") String code);

    @GET
    @Path("/audit-events")
    PageOf<AuditApi.Event> auditEvents(
            @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
            @QueryParam("limit") int limit,
            @QueryParam("subjectRef") String subjectRef);

    @GET
    @Path("/audit-events/verification")
    AuditApi.Verification verifyAudit();

    record History(String subjectRef, List<Consent> consents, List<UseStop> useStops) {}

    record Consent(
            UUID id,
            String purpose,
            Integer purposeVersion,
            String decision,
            String status,
            String method,
            Evidence evidence,
            OffsetDateTime expiresAt,
            List<String> sensitiveCategories,
            LocalDate subjectBirthDate,
            Withdrawal withdrawal) {}

    record Evidence(
            String channel, String noticeVersion, String language, OffsetDateTime capturedAt, String recordedBy) {}

    record Withdrawal(OffsetDateTime withdrawnAt, String channel, String reason, String recordedBy) {}

    record UseStop(
            UUID id,
            String purpose,
            String requestRef,
            String ground,
            OffsetDateTime stoppedAt,
            String stoppedBy,
            OffsetDateTime liftedAt,
            String liftedBy,
            String liftReason) {}

    record Decision(
            String purpose,
            boolean allowed,
            String reason,
            int purposeVersion,
            UUID consentId,
            Integer consentedVersion,
            String message) {}

    record Purpose(
            String code, int currentVersion, OffsetDateTime createdAt, Version current, List<Version> versions) {}

    record Version(
            int version,
            String changeType,
            String titleJa,
            String titleEn,
            String descriptionJa,
            String descriptionEn,
            List<String> dataItems,
            List<String> sensitiveCategories,
            boolean thirdPartyProvision,
            List<String> recipientTypes,
            List<String> crossBorderCountries,
            String crossBorderInformation,
            OffsetDateTime publishedAt,
            String publishedBy) {}
}
