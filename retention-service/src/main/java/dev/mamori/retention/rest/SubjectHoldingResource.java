package dev.mamori.retention.rest;

import dev.mamori.platform.paging.Page;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.retention.service.HoldingService;
import dev.mamori.retention.service.RetentionPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/subjects/{subjectRef}/holdings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Holdings",
        description = "What client systems hold about each person, and when it is deleted (APPI Art. 22)")
public class SubjectHoldingResource {

    private final HoldingService holdings;
    private final RetentionPolicy policy;

    public SubjectHoldingResource(HoldingService holdings, RetentionPolicy policy) {
        this.holdings = holdings;
        this.policy = policy;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR, Roles.SERVICE, Roles.CLIENT_SYSTEM})
    @Operation(
            operationId = "listSubjectHoldings",
            summary = "A person's holdings, oldest first, each with its deletion date and why",
            description = "Reading a person's data: every call is recorded in the audit log with the subjectRef. "
                    + "A person with nothing registered gets an empty list.")
    public Uni<Page<HoldingView>> listSubjectHoldings(
            @PathParam("subjectRef") @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
                    String subjectRef,
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return holdings.forSubject(subjectRef, offset, limit)
                .map(found -> Page.of(
                        found.stream().map(h -> HoldingView.of(h, policy)).toList(), offset, limit));
    }
}
