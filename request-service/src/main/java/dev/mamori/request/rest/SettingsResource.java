package dev.mamori.request.rest;

import dev.mamori.platform.tenant.Roles;
import dev.mamori.request.service.SettingsDraft;
import dev.mamori.request.service.SettingsService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/v1/request-settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(
        name = "Request settings",
        description =
                "The client company's SLA in Japanese business days, its Art. 38 fees " + "and its callback endpoint")
public class SettingsResource {

    private final SettingsService settings;

    public SettingsResource(SettingsService settings) {
        this.settings = settings;
    }

    @GET
    // SERVICE: the privacy center publishes the fees (APPI Art. 32(1)(iii), Art. 38).
    @RolesAllowed({Roles.PRIVACY_OFFICER, Roles.OPERATOR, Roles.AUDITOR, Roles.CLIENT_SYSTEM, Roles.SERVICE})
    @Operation(
            operationId = "getRequestSettings",
            summary = "The tenant's request-handling settings (defaults until set)")
    public Uni<SettingsView> getRequestSettings() {
        return settings.current().map(SettingsView::of);
    }

    @PUT
    @RolesAllowed(Roles.PRIVACY_OFFICER)
    @Operation(
            operationId = "putRequestSettings",
            summary = "Set the SLA, fees and callback endpoint",
            description = "Applies to requests that arrive afterwards; open requests keep their due dates.")
    public Uni<SettingsView> putRequestSettings(@Valid @NotNull SettingsDraft draft) {
        return settings.update(draft).map(SettingsView::of);
    }
}
