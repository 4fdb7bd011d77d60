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
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * retention-service's public API (/v1): the ledger of data categories, a person's holdings with their deletion
 * dates, contracts and extensions, legal holds, purge runs, deletion certificates, its audit log.
 */
@RegisterRestClient(configKey = "retention")
@RegisterClientHeaders(StaffHeaders.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RetentionApi {

    @GET
    @Path("/subjects/{subjectRef}/holdings")
    PageOf<Holding> holdings(@PathParam("subjectRef") String subjectRef, @QueryParam("limit") int limit);

    @GET
    @Path("/data-categories")
    PageOf<Category> categories(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/contracts")
    PageOf<Contract> contracts(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/contracts/{ref}/extensions")
    PageOf<Extension> extensions(@PathParam("ref") String ref, @QueryParam("limit") int limit);

    @GET
    @Path("/legal-holds")
    PageOf<LegalHold> legalHolds(@QueryParam("active") boolean active, @QueryParam("limit") int limit);

    @GET
    @Path("/purge-runs")
    PageOf<PurgeRun> purgeRuns(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/deletion-certificates")
    PageOf<Certificate> certificates(@QueryParam("offset") int offset, @QueryParam("limit") int limit);

    @GET
    @Path("/deletion-certificates/{id}")
    Certificate certificate(@PathParam("id") UUID id);

    @GET
    @Path("/deletion-certificates/{id}/verification")
    CertificateCheck verifyCertificate(@PathParam("id") UUID id);

    @GET
    @Path("/audit-events")
    PageOf<AuditApi.Event> auditEvents(
            @QueryParam("afterSeq") @DefaultValue("0") long afterSeq,
            @QueryParam("limit") int limit,
            @QueryParam("subjectRef") String subjectRef);

    @GET
    @Path("/audit-events/verification")
    AuditApi.Verification verifyAudit();

    record Holding(
            UUID id,
            String categoryCode,
            String locator,
            OffsetDateTime collectedAt,
            String retentionBasis,
            String contractRef,
            LocalDate deleteOn,
            String explanation,
            String explanationJa) {}

    record Category(
            String code,
            String nameJa,
            String nameEn,
            List<String> items,
            List<String> purposeCodes,
            String storageLocation,
            boolean sensitive,
            boolean thirdPartyProvision,
            boolean jointUse,
            boolean entrustment,
            String retentionBasis,
            int retentionDays,
            LocalDate lastReviewedAt) {}

    record Contract(
            String ref, String name, LocalDate startsOn, LocalDate endsOn, String status, OffsetDateTime endedAt) {}

    record Extension(
            UUID id, List<String> categoryCodes, int days, String reason, OffsetDateTime grantedAt, String grantedBy) {}

    record LegalHold(
            UUID id,
            String subjectRef,
            String categoryCode,
            String contractRef,
            String reason,
            OffsetDateTime setAt,
            String setBy,
            OffsetDateTime until,
            boolean active,
            OffsetDateTime releasedAt) {}

    record PurgeRun(
            UUID runId,
            String trigger,
            String status,
            long erased,
            long held,
            long failed,
            OffsetDateTime startedAt,
            OffsetDateTime finishedAt,
            String startedBy,
            String error) {}

    record Certificate(
            UUID id,
            String tenantId,
            LocalDate from,
            LocalDate to,
            OffsetDateTime coveredUntil,
            String requestRef,
            int count,
            String digest,
            String digestAlgorithm,
            OffsetDateTime issuedAt,
            String issuedBy,
            List<Map<String, Object>> items) {}

    record CertificateCheck(
            UUID certificateId,
            boolean intact,
            int issuedCount,
            int currentCount,
            String issuedDigest,
            String currentDigest,
            String detail) {}
}
