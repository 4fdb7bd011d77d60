package dev.mamori.thirdparty.rest;

import dev.mamori.platform.problem.Problem;
import dev.mamori.thirdparty.service.ProvisionRefused;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A refused provision as problem+json: the platform's shape plus the per-principal list. */
public class ProvisionRefusalMapper {

    @ServerExceptionMapper
    public Response refused(ProvisionRefused e, HttpServerRequest request) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.body(request.path())).build();
    }
}
