package dev.mamori.retention.rest;

import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.service.SubjectErasureDraft;
import dev.mamori.retention.service.SubjectErasureService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/subjects/{subjectRef}/erasure")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Holdings",
        description = "What client systems hold about each person, and when it is deleted (APPI Art. 22)")
public class SubjectErasureResource {

    private final SubjectErasureService erasure;

    public SubjectErasureResource(SubjectErasureService erasure) {
        this.erasure = erasure;
    }

    @POST
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "eraseSubject",
            summary = "Erase a person's holdings on an approved erasure request (APPI Art. 35), with proof",
            description = "Erases every holding of the person not under a legal hold, whatever its date, writes the "
                    + "evidence, queues the owning systems' erasure, and issues the request's deletion certificate. "
                    + "Idempotent by Idempotency-Key.")
    @APIResponse(
            responseCode = "200",
            description = "Erased (erased may be 0; held counts what a legal hold keeps)",
            content = @Content(schema = @Schema(implementation = SubjectErasureService.Result.class)))
    public Uni<Response> eraseSubject(
            @PathParam("subjectRef") @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull SubjectErasureDraft draft) {
        return erasure.erase(
                idempotencyKey, subjectRef, draft, result -> Response.ok(result).build());
    }
}
