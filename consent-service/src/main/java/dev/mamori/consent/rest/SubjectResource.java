package dev.mamori.consent.rest;

import dev.mamori.consent.service.ConsentService;
import dev.mamori.consent.service.UseStopDraft;
import dev.mamori.consent.service.UseStopService;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A person's consent data as a whole: their history (for disclosure) and the stops on its use. */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subjects", description = "One person's consent history and use stops (APPI Arts. 33, 35)")
public class SubjectResource {

    @Schema(name = "ConsentHistory")
    public record History(String subjectRef, List<ConsentView> consents, List<ConsentView.UseStopView> useStops) {}

    @Schema(name = "UseStopLift")
    public record Lift(@NotBlank @Size(max = 1000) String reason) {}

    private final ConsentService consents;
    private final UseStopService useStops;

    public SubjectResource(ConsentService consents, UseStopService useStops) {
        this.consents = consents;
        this.useStops = useStops;
    }

    @GET
    @Path("/subjects/{subjectRef}/consents")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "getSubjectConsents",
            summary = "A person's complete consent history in recording order, " + "with withdrawals and use stops")
    public Uni<History> getSubjectConsents(
            @PathParam("subjectRef") @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef) {
        return consents.history(subjectRef)
                .map(h -> new History(
                        h.subjectRef(),
                        h.consents().stream().map(ConsentView::of).toList(),
                        h.useStops().stream().map(ConsentView.UseStopView::of).toList()));
    }

    @POST
    @Path("/subjects/{subjectRef}/use-stops")
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(
            operationId = "stopUse",
            summary = "Stop the use of a person's data for some or all purposes after a "
                    + "decided request; decisions answer USE_STOPPED from the moment this returns")
    public Uni<Response> stopUse(
            @PathParam("subjectRef") @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey,
            @Valid @NotNull UseStopDraft draft) {
        return useStops.stop(idempotencyKey, subjectRef, draft, stops -> Response.status(201)
                .entity(stops.stream().map(ConsentView.UseStopView::of).toList())
                .build());
    }

    @POST
    @Path("/use-stops/{id}/lift")
    @RolesAllowed({Roles.SERVICE, Roles.PRIVACY_OFFICER})
    @Operation(operationId = "liftUseStop", summary = "Lift a use stop; it stays on record with who lifted it and why")
    public Uni<ConsentView.UseStopView> liftUseStop(@PathParam("id") UUID id, @Valid @NotNull Lift lift) {
        return useStops.lift(id, lift.reason()).map(ConsentView.UseStopView::of);
    }
}
