package dev.mamori.thirdparty.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.thirdparty.RecordDeletion;
import dev.mamori.thirdparty.service.RecordPurgeService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Record retention",
        description = "Deleting provision and receipt records once the law no longer "
                + "requires them, with evidence (APPI Arts. 29(2), 30(4); PPC Rules 21, 25)")
public class RecordPurgeResource {

    @Schema(name = "RecordPurge")
    public record PurgeRequest(
            @Schema(description = "At most this many records of each kind; 500 when absent") @Min(1) @Max(1000)
            Integer batchSize) {}

    @Schema(name = "RecordDeletion")
    public record DeletionView(
            UUID id,
            String recordType,
            UUID recordId,
            String counterparty,
            List<String> subjectRefs,
            String method,
            LocalDate recordedOn,
            LocalDate retainUntil,
            String rule,
            OffsetDateTime deletedAt,
            String deletedBy) {
        static DeletionView of(RecordDeletion d) {
            return new DeletionView(
                    d.id,
                    d.recordType,
                    d.recordId,
                    d.counterparty,
                    d.subjectRefs,
                    d.method,
                    d.recordedOn,
                    d.retainUntil,
                    d.rule,
                    d.deletedAt,
                    d.deletedBy);
        }
    }

    private final RecordPurgeService purges;

    public RecordPurgeResource(RecordPurgeService purges) {
        this.purges = purges;
    }

    @POST
    @Path("/record-purges")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(
            operationId = "purgeRecords",
            summary = "Delete one batch of the tenant's records past their retention end, with an evidence row each",
            description = "Answers how many went and whether more are due; call again while more is true.")
    public Uni<Response> purgeRecords(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid PurgeRequest request) {
        int batch =
                request == null || request.batchSize() == null ? RecordPurgeService.DEFAULT_BATCH : request.batchSize();
        return purges.purge(idempotencyKey, batch, result -> Response.ok(result).build());
    }

    @GET
    @Path("/record-deletions")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR, Roles.SERVICE})
    @Operation(operationId = "listRecordDeletions", summary = "Evidence of every record deleted, newest first")
    public Uni<Page<DeletionView>> listRecordDeletions(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return purges.deletions(offset, limit)
                .map(found -> Page.of(found.stream().map(DeletionView::of).toList(), offset, limit));
    }
}
