package dev.mamori.retention.support;

import dev.mamori.platform.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused batch with its row errors; more specific than the platform's ProblemException mapper. */
public class RowsProblemMapper {

    @ServerExceptionMapper
    public Response rowsRejected(RowsRejectedException e, HttpServerRequest request) {
        return Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(new RowsProblem(Problem.type(e.kind()), "Batch refused", e.status(), e.getMessage(),
                        request.path(), e.rowCount(), e.errorCount(), e.rowErrors()))
                .build();
    }
}
