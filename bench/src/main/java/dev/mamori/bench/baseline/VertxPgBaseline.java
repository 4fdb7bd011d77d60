package dev.mamori.bench.baseline;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The ceiling of the use decision without any framework: a plain Vert.x 4.5 HTTP server and vertx-pg-client running
 * the very SQL consent-service's ConsentStateReader runs (copied below), prepared, pipelined on a few connections
 * per event loop. No token check, no audit, no cache: what is left is HTTP parsing, one database round trip and a
 * small JSON answer. bench/run starts it as its own JVM, like a service.
 *
 * <pre>
 * GET  /decision?subjectRef=S&amp;purpose=P   the latest consent of S for P, and whether use is stopped
 * POST /batch  {"checks":[{"subjectRef":..,"purpose":..},..]}   the same for many pairs in one query
 * GET  /constant                             a constant answer (plain Vert.x HTTP ceiling)
 * </pre>
 *
 * Arguments: httpPort pgHost pgPort database user password tenant [eventLoops=2] [connectionsPerLoop=4]
 */
public final class VertxPgBaseline {

    // ---- The SQL of dev.mamori.consent.repository.ConsentStateReader, verbatim ----
    private static final String STATE_COLUMNS = "c.id, c.decision, c.purpose_version, c.expires_at, "
            + "c.sensitive_categories, c.subject_birth_date, c.guardian_name IS NOT NULL AS has_guardian, "
            + "c.captured_at, w.withdrawn_at";
    private static final String STOPPED = "EXISTS (SELECT 1 FROM use_stop s WHERE s.tenant_id = $1 "
            + "AND s.subject_ref = %s AND s.lifted_at IS NULL AND (s.purpose_code IS NULL OR s.purpose_code = %s))";
    static final String SUBJECT = "SELECT c.purpose_code, " + STATE_COLUMNS + ", "
            + "(SELECT array_agg(COALESCE(s.purpose_code, '*')) FROM use_stop s WHERE s.tenant_id = $1 "
            + "AND s.subject_ref = $2 AND s.lifted_at IS NULL) AS stops "
            + "FROM (SELECT 1) one LEFT JOIN LATERAL (SELECT DISTINCT ON (c.purpose_code) * FROM consent c "
            + "WHERE c.tenant_id = $1 AND c.subject_ref = $2 "
            + "ORDER BY c.purpose_code, c.captured_at DESC, c.seq DESC) c ON true "
            + "LEFT JOIN consent_withdrawal w ON w.consent_id = c.id";
    static final String MANY = "SELECT q.ord, " + STATE_COLUMNS + ", " + STOPPED.formatted("q.subject", "q.purpose")
            + " AS stopped FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS q(subject, purpose, ord) "
            + "LEFT JOIN LATERAL (SELECT * FROM consent c WHERE c.tenant_id = $1 AND c.subject_ref = q.subject "
            + "AND c.purpose_code = q.purpose ORDER BY c.captured_at DESC, c.seq DESC LIMIT 1) c ON true "
            + "LEFT JOIN consent_withdrawal w ON w.consent_id = c.id ORDER BY q.ord";

    private static final Buffer CONSTANT = new JsonObject().put("subjectRef", "cust-000001")
            .put("purpose", "call-center-support").put("allowed", true).put("reason", "CONSENT_GIVEN")
            .put("purposeVersion", 1).put("consentId", "00000000-0000-4000-8000-000000000001")
            .put("consentedVersion", 1).putNull("message").toBuffer();

    private VertxPgBaseline() {
    }

    public static void main(String[] args) {
        if (args.length < 7) {
            System.err.println("usage: VertxPgBaseline httpPort pgHost pgPort database user password tenant"
                    + " [eventLoops] [connectionsPerLoop]");
            System.exit(2);
        }
        int httpPort = Integer.parseInt(args[0]);
        PgConnectOptions pg = new PgConnectOptions().setHost(args[1]).setPort(Integer.parseInt(args[2]))
                .setDatabase(args[3]).setUser(args[4]).setPassword(args[5]).setCachePreparedStatements(true)
                .setPipeliningLimit(256);
        String tenant = args[6];
        int loops = args.length > 7 ? Integer.parseInt(args[7]) : 2;
        int connections = args.length > 8 ? Integer.parseInt(args[8]) : 4;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        vertx.deployVerticle(() -> new Server(httpPort, pg, tenant, connections), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("baseline ready on port " + httpPort + " (" + loops + " event loops x "
                        + connections + " connections)"))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
        Runtime.getRuntime().addShutdownHook(new Thread(vertx::close));
    }

    /** One per event loop: its own connections, so no request ever leaves its loop. */
    static final class Server extends AbstractVerticle {
        private final int port;
        private final PgConnectOptions pg;
        private final String tenant;
        private final int connectionCount;
        private final List<PgConnection> connections = new ArrayList<>();
        private int next;

        Server(int port, PgConnectOptions pg, String tenant, int connectionCount) {
            this.port = port;
            this.pg = pg;
            this.tenant = tenant;
            this.connectionCount = connectionCount;
        }

        @Override
        public void start(Promise<Void> started) {
            List<Future<PgConnection>> opening = new ArrayList<>();
            for (int i = 0; i < connectionCount; i++) {
                opening.add(PgConnection.connect(vertx, pg));
            }
            Future.all(opening).compose(all -> {
                for (int i = 0; i < connectionCount; i++) {
                    connections.add(all.resultAt(i));
                }
                return vertx.createHttpServer().requestHandler(this::handle).listen(port);
            }).<Void>mapEmpty().onComplete(started);
        }

        private PgConnection connection() {
            PgConnection c = connections.get(next);
            next = (next + 1) % connections.size();
            return c;
        }

        private void handle(HttpServerRequest req) {
            String path = req.path();
            if (path.equals("/decision")) {
                String subject = req.getParam("subjectRef");
                String purpose = req.getParam("purpose");
                if (subject == null || purpose == null) {
                    req.response().setStatusCode(400).end();
                    return;
                }
                // The service reads a person whole on a cache miss (every purpose and the use stops); so does this.
                connection().preparedQuery(SUBJECT).execute(Tuple.of(tenant, subject)).onComplete(ar -> {
                    if (ar.failed()) {
                        req.response().setStatusCode(500).end(String.valueOf(ar.cause()));
                        return;
                    }
                    Row match = null;
                    String[] stops = null;
                    for (Row row : ar.result()) {
                        stops = row.getArrayOfStrings("stops");
                        if (purpose.equals(row.getString("purpose_code"))) {
                            match = row;
                        }
                    }
                    boolean stopped = stops != null && (List.of(stops).contains("*") || List.of(stops).contains(purpose));
                    json(req, decision(subject, purpose, match, stopped).toBuffer());
                });
            } else if (path.equals("/batch")) {
                req.body().onComplete(body -> {
                    if (body.failed()) {
                        req.response().setStatusCode(400).end();
                        return;
                    }
                    JsonArray checks = body.result().toJsonObject().getJsonArray("checks");
                    String[] subjects = new String[checks.size()];
                    String[] purposes = new String[checks.size()];
                    for (int i = 0; i < checks.size(); i++) {
                        JsonObject c = checks.getJsonObject(i);
                        subjects[i] = c.getString("subjectRef");
                        purposes[i] = c.getString("purpose");
                    }
                    connection().preparedQuery(MANY).execute(Tuple.of(tenant, subjects, purposes)).onComplete(ar -> {
                        if (ar.failed()) {
                            req.response().setStatusCode(500).end(String.valueOf(ar.cause()));
                            return;
                        }
                        RowSet<Row> rows = ar.result();
                        JsonArray out = new JsonArray();
                        int i = 0;
                        for (Row row : rows) {
                            out.add(decision(subjects[i], purposes[i], row, row.getBoolean("stopped")));
                            i++;
                        }
                        json(req, new JsonObject().put("decisions", out).toBuffer());
                    });
                });
            } else if (path.equals("/constant")) {
                json(req, CONSTANT);
            } else {
                req.response().setStatusCode(404).end();
            }
        }

        private static void json(HttpServerRequest req, Buffer body) {
            req.response().putHeader("content-type", "application/json").end(body);
        }

        /** The heart of the decision (given, not withdrawn, not expired, not stopped), without the purpose rules. */
        private static JsonObject decision(String subject, String purpose, Row row, boolean stopped) {
            Object id = row == null ? null : row.getUUID("id");
            String reason;
            if (stopped) {
                reason = "USE_STOPPED";
            } else if (id == null) {
                reason = "NO_CONSENT";
            } else if (!"GIVEN".equals(row.getString("decision"))) { // id != null, so row != null
                reason = "REFUSED";
            } else if (row.getOffsetDateTime("withdrawn_at") != null) {
                reason = "WITHDRAWN";
            } else {
                OffsetDateTime expires = row.getOffsetDateTime("expires_at");
                reason = expires != null && expires.isBefore(OffsetDateTime.now()) ? "EXPIRED" : "CONSENT_GIVEN";
            }
            return new JsonObject().put("subjectRef", subject).put("purpose", purpose)
                    .put("allowed", reason.equals("CONSENT_GIVEN")).put("reason", reason)
                    .put("purposeVersion", row == null ? null : row.getInteger("purpose_version"))
                    .put("consentId", id == null ? null : id.toString())
                    .put("consentedVersion", row == null ? null : row.getInteger("purpose_version")).putNull("message");
        }
    }
}
