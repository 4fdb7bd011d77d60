package dev.mamori.console.rest;

import dev.mamori.console.web.FormGuard;
import dev.mamori.console.web.Refused;
import dev.mamori.console.web.Staff;
import dev.mamori.web.Language;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The person's session: the start page, the client company they work for (staff serving several choose one), the
 * page language.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SessionController {

    private final Staff staff;
    private final FormGuard guard;

    public SessionController(Staff staff, FormGuard guard) {
        this.staff = staff;
        this.guard = guard;
    }

    @GET
    public Response home() {
        // The dashboard: what needs action today, then the trends.
        return Response.seeOther(URI.create("/dashboard")).build();
    }

    /** Switches the client company; only one of the person's own is kept (and the services check it again). */
    @POST
    @Path("tenant")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response chooseTenant(MultivaluedMap<String, String> form) {
        guard.check(form.getFirst("_csrf"));
        String tenant = form.getFirst("tenant");
        if (tenant == null || !staff.tenants().contains(tenant)) {
            throw new Refused("error.tenant");
        }
        return Response.seeOther(URI.create("/requests"))
                .cookie(cookie(Staff.TENANT_COOKIE, tenant))
                .build();
    }

    /** The page language: Japanese by default, English on request. Harmless, so a plain link. */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang) {
        return Response.seeOther(URI.create("/requests"))
                .cookie(cookie(Language.COOKIE, Language.cookieValue(lang)))
                .build();
    }

    private static NewCookie cookie(String name, String value) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(60 * 60 * 24 * 30)
                .build();
    }
}
