package dev.mamori.center.rest;

import dev.mamori.center.service.NoticeService;
import dev.mamori.center.service.PublicNotice;
import dev.mamori.web.Language;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/** A client company's public page (APPI Art. 32(1), Art. 21) and the language switch. HTTP only. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class NoticeController {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notice(PublicNotice notice);
    }

    private final NoticeService notices;

    public NoticeController(NoticeService notices) {
        this.notices = notices;
    }

    @GET
    @Path("t/{tenant}/")
    public TemplateInstance notice(@PathParam("tenant") String tenant) {
        return Templates.notice(notices.notice(tenant));
    }

    /** Japanese by default, English on request; a plain link that returns to the page it came from. */
    @GET
    @Path("lang/{lang}")
    public Response language(@PathParam("lang") String lang, @QueryParam("back") String back) {
        // Only a path of this site: an open redirect would lend the company's name to any address. (Download links'
        // tokens are URL-safe base64, hence capitals and '_'.)
        String target = back != null && back.matches("/t/[a-z0-9][a-z0-9-]{0,62}/[A-Za-z0-9/_-]*") ? back : "/";
        return Response.seeOther(URI.create(target))
                .cookie(new NewCookie.Builder(Language.COOKIE)
                        .value(Language.cookieValue(lang))
                        .path("/")
                        .httpOnly(true)
                        .sameSite(NewCookie.SameSite.LAX)
                        .maxAge(60 * 60 * 24 * 365)
                        .build())
                .build();
    }
}
