package dev.mamori.incident.rest;

import dev.mamori.incident.service.ClientNoticeService;
import dev.mamori.platform.paging.Page;
import dev.mamori.platform.tenant.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/client-incidents")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Client incidents",
        description = "Incidents in this tenant's data that its contractors notified to it (APPI Art. 26(1) "
                + "proviso): what the client needs for its own report, and its acknowledgement")
public class ClientIncidentResource {

    private final ClientNoticeService notices;

    public ClientIncidentResource(ClientNoticeService notices) {
        this.notices = notices;
    }

    @GET
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(
            operationId = "listClientIncidents",
            summary = "Incidents contractors notified to this tenant, newest first")
    public Uni<Page<ClientIncidentView>> listClientIncidents(
            @QueryParam("offset") @DefaultValue("0") @Min(0) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(Page.MAX_LIMIT) int limit) {
        return notices.notifiedToMe(offset, limit)
                .map(found -> Page.of(found.stream().map(ClientIncidentView::of).toList(), offset, limit));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.AUDITOR})
    @Operation(operationId = "getClientIncident", summary = "One incident a contractor notified to this tenant")
    public Uni<ClientIncidentView> getClientIncident(@PathParam("id") UUID id) {
        return notices.notifiedToMe(id).map(ClientIncidentView::of);
    }

    @POST
    @Path("/{id}/acknowledgement")
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "acknowledgeClientIncident",
            summary = "Acknowledge the contractor's notice (once): its proof that the notice arrived")
    public Uni<ClientIncidentView> acknowledgeClientIncident(@PathParam("id") UUID id) {
        return notices.acknowledge(id).map(ClientIncidentView::of);
    }
}
