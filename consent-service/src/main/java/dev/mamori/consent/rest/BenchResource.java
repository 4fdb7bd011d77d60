package dev.mamori.consent.rest;

import dev.mamori.consent.Consent;
import dev.mamori.consent.ConsentDecision;
import dev.mamori.consent.DecisionReason;
import dev.mamori.consent.rest.DecisionResource.DecisionView;
import dev.mamori.consent.service.ConsentDraft;
import dev.mamori.consent.service.ConsentService.RecordedConsent;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.Roles;
import dev.mamori.platform.tenant.TenantContext;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The ceiling the use decision is measured against (bench/run): the same service, the same token check and roles,
 * the same tenant lookup and JSON shape, on the event loop, but a constant answer instead of a lookup. What the
 * decision costs beyond this is the decision itself.
 * <p>
 * Served only by a build made for benchmarking ({@code -Dmamori.bench=true}, which bench/run passes): an ordinary
 * build (the jar and image that are deployed) registers no such endpoint, and no build publishes it in the OpenAPI
 * document. Even a bench build answers 404, like any path that does not exist, unless {@code mamori.bench.enabled=true}
 * at run time, so a bench build left in {@code target/} and started by {@code bin/mamori} exposes nothing either.
 */
@IfBuildProperty(name = "mamori.bench", stringValue = "true")
@Path("/v1/bench")
@Produces(MediaType.APPLICATION_JSON)
public class BenchResource {

    static final DecisionView CONSTANT = new DecisionView(
            "cust-000001",
            "call-center-support",
            true,
            DecisionReason.CONSENT_GIVEN,
            1,
            UUID.fromString("00000000-0000-4000-8000-000000000001"),
            1,
            null);

    private final boolean enabled;
    private final TenantContext tenant;

    public BenchResource(
            @ConfigProperty(name = "mamori.bench.enabled", defaultValue = "false") boolean enabled,
            TenantContext tenant) {
        this.enabled = enabled;
        this.tenant = tenant;
    }

    @GET
    @Path("/constant")
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER, Roles.SERVICE})
    @Operation(hidden = true)
    public Uni<DecisionView> constant() {
        if (!enabled) {
            return Uni.createFrom().failure(ProblemException.notFound("Path", "/v1/bench/constant"));
        }
        tenant.tenantId(); // the decision resolves the caller's tenant too; a token without one is refused the same way
        return Uni.createFrom().item(CONSTANT);
    }

    /**
     * The floor of a consent written one by one (bench/run's writes scenario): the same body, token check, roles,
     * tenant, strict JSON, validation and answer as {@code POST /v1/consents}, but nothing read, checked against the
     * purpose, hashed or written. What a write costs beyond this is the write.
     */
    @POST
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.CLIENT_SYSTEM, Roles.OPERATOR, Roles.PRIVACY_OFFICER})
    @Operation(hidden = true)
    public Uni<Response> consent(
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Valid @NotNull ConsentDraft draft) {
        if (!enabled) {
            return Uni.createFrom().failure(ProblemException.notFound("Path", "/v1/bench/consent"));
        }
        Consent c = new Consent();
        c.id = UUID.randomUUID();
        c.tenantId = tenant.tenantId();
        c.subjectRef = draft.subjectRef();
        c.purposeCode = draft.purpose();
        c.purposeVersion = draft.purposeVersion();
        c.decision = draft.decision();
        c.method = draft.method();
        c.channel = draft.evidence().channel();
        c.noticeVersion = draft.evidence().noticeVersion();
        c.language = draft.evidence().language();
        c.capturedAt = draft.evidence().capturedAt();
        c.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        c.userAgent = draft.evidence().userAgent();
        c.actorSubject = tenant.actorSubject();
        c.actorClient = tenant.actorClient();
        c.sensitiveCategories =
                draft.decision() == ConsentDecision.GIVEN ? List.copyOf(draft.sensitiveCategoriesOrEmpty()) : List.of();
        return Uni.createFrom()
                .item(Response.created(URI.create("/v1/consents/" + c.id))
                        .entity(ConsentView.of(new RecordedConsent(c, null)))
                        .build());
    }
}
