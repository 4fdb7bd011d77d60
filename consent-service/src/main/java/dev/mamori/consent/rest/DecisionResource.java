package dev.mamori.consent.rest;

import dev.mamori.consent.DecisionReason;
import dev.mamori.consent.service.Decision;
import dev.mamori.consent.service.DecisionService;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/decisions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Decisions", description = "May we use this person's data for this purpose?")
public class DecisionResource {

    public static final int MAX_BATCH = 1000;

    @Schema(name = "Decision")
    public record DecisionView(
            @Schema(example = "cust-000123") String subjectRef,
            @Schema(example = "call-center-support") String purpose,
            boolean allowed,
            DecisionReason reason,

            @Schema(description = "The purpose version in force")
            int purposeVersion,

            UUID consentId,

            @Schema(description = "The version the person answered")
            Integer consentedVersion,

            String message) {

        static DecisionView of(String subjectRef, String purpose, Decision d) {
            return new DecisionView(
                    subjectRef,
                    purpose,
                    d.allowed(),
                    d.reason(),
                    d.purposeVersion(),
                    d.consentId(),
                    d.consentedVersion(),
                    d.message());
        }
    }

    @Schema(name = "DecisionCheck")
    public record Check(
            @NotBlank @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
            String subjectRef,

            @NotBlank @Size(max = 64) String purpose) {}

    @Schema(name = "DecisionBatch")
    public record Batch(@NotEmpty @Size(max = MAX_BATCH) List<@Valid @NotNull Check> checks) {}

    @Schema(name = "DecisionBatchResult")
    public record BatchResult(List<DecisionView> decisions) {}

    private final DecisionService decisions;

    public DecisionResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    @GET
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(operationId = "decide", summary = "Whether a person's data may be used for a purpose, and why")
    public Uni<DecisionView> decide(
            @QueryParam("subjectRef") @NotBlank @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @QueryParam("purpose") @NotBlank @Size(max = 64) String purpose) {
        return decisions.decide(subjectRef, purpose).map(d -> DecisionView.of(subjectRef, purpose, d));
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(operationId = "decideBatch", summary = "Up to 1,000 decisions in one call, in the order asked")
    public Uni<BatchResult> decideBatch(@Valid @NotNull Batch batch) {
        List<DecisionService.Check> checks = batch.checks().stream()
                .map(c -> new DecisionService.Check(c.subjectRef(), c.purpose()))
                .toList();
        return decisions.decideAll(checks).map(all -> {
            List<DecisionView> views = new ArrayList<>(all.size());
            for (int i = 0; i < all.size(); i++) {
                views.add(DecisionView.of(
                        checks.get(i).subjectRef(), checks.get(i).purpose(), all.get(i)));
            }
            return new BatchResult(views);
        });
    }
}
