package dev.mamori.retention.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.net.OutboundUrls;
import dev.mamori.retention.ErasureRequest;
import dev.mamori.retention.ErasureRequestStatus;
import dev.mamori.retention.OwningSystem;
import dev.mamori.retention.repository.ErasureRepository;
import dev.mamori.retention.repository.ErasureRequestRepository;
import dev.mamori.retention.repository.OwningSystemRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Delivers erasure requests to owning systems: a POST of the items to erase, signed with the system's secret
 * ({@code X-Mamori-Signature: sha256=<hex HMAC-SHA256 of the raw body>}, {@code X-Mamori-Timestamp}; the body
 * carries the request id and the same timestamp, so a replayed body is recognisable). A 2xx with
 * {@code {"erased": n}} confirms; any other 2xx means "accepted, will confirm" via POST /v1/erasure-confirmations;
 * anything else is retried with exponential backoff until {@code max-attempts}, then FAILED.
 *
 * <p>Safe with several replicas: requests are claimed with FOR UPDATE SKIP LOCKED and a lease, so two deliverers
 * never send the same request at once, and a dead deliverer's claims fall back to the others when the lease ends.
 */
@ApplicationScoped
public class ErasureDeliverer {

    private static final Logger LOG = Logger.getLogger(ErasureDeliverer.class);
    public static final String SIGNATURE_HEADER = dev.mamori.platform.signing.Signature.HEADER;
    public static final String TIMESTAMP_HEADER = "X-Mamori-Timestamp";

    private final ErasureRequestRepository requests;
    private final ErasureRepository erasure;
    private final OwningSystemRepository systems;
    private final SecretBox box;
    private final RetentionConfig config;
    private final ObjectMapper json;
    private final WebClient client;
    private final OutboundUrls outbound;
    private final Vertx vertx;

    public ErasureDeliverer(ErasureRequestRepository requests, ErasureRepository erasure, OwningSystemRepository systems,
                            SecretBox box, RetentionConfig config, ObjectMapper json, Vertx vertx,
                            OutboundUrls outbound) {
        this.requests = requests;
        this.erasure = erasure;
        this.systems = systems;
        this.box = box;
        this.config = config;
        this.json = json;
        this.outbound = outbound;
        this.vertx = vertx;
        // Never follow a redirect: its target was not checked, and could be an internal address.
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setConnectTimeout((int) config.delivery().timeout().toMillis())
                .setFollowRedirects(false)
                .setUserAgent("mamori-retention-service"));
    }

    void close(@Observes ShutdownEvent event) {
        client.close();
    }

    @Scheduled(every = "${mamori.retention.delivery.every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "retention-erasure-delivery")
    Uni<Void> deliverDue() {
        return Panache.withTransaction(() -> requests.claimDue(config.delivery().batchSize(), config.delivery().lease()))
                .chain(claimed -> Multi.createFrom().iterable(claimed)
                        // One at a time: the round shares one Vert.x context, hence one Hibernate session.
                        .onItem().transformToUniAndConcatenate(this::deliver)
                        .collect().last())
                .replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("Erasure delivery round failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** What one attempt came to. */
    record Outcome(ErasureRequestStatus status, Integer erased, String error) {
    }

    private Uni<Void> deliver(ErasureRequestRepository.Claimed claim) {
        return Panache.withSession(() -> systems.findByCode(claim.tenantId(), claim.systemCode())
                        .chain(system -> system == null ? Uni.createFrom().item((Prepared) null)
                                : erasure.forErasureRequest(claim.id()).chain(items -> requests.findById(claim.id())
                                        .map(request -> prepare(system, request, items)))))
                .chain(prepared -> prepared == null
                        ? Uni.createFrom().item(new Outcome(null, null,
                                "owning system " + claim.systemCode() + " is not registered"))
                        : checked(claim.tenantId(), prepared).chain(this::send))
                .onFailure().recoverWithItem(e -> new Outcome(null, null, String.valueOf(e.getMessage())))
                .chain(outcome -> record(claim, outcome));
    }

    record Prepared(String url, byte[] body, String signature, String timestamp) {
    }

    private Prepared prepare(OwningSystem system, ErasureRequest request, List<ErasureRepository.Evidence> items) {
        String timestamp = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erasureRequestId", request.id.toString());
        body.put("tenantId", request.tenantId);
        body.put("owningSystem", request.systemCode);
        body.put("cause", request.cause.name());
        body.put("requestRef", request.requestRef);
        body.put("sentAt", timestamp);
        body.put("items", items.stream().map(e -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("holdingId", e.holdingId());
            item.put("subjectRef", e.subjectRef());
            item.put("categoryCode", e.categoryCode());
            item.put("locator", e.locator());
            item.put("collectedAt", e.collectedAt());
            return item;
        }).toList());
        try {
            byte[] raw = json.writeValueAsBytes(body);
            return new Prepared(system.erasureUrl, raw, dev.mamori.platform.signing.Signature.of(box.open(system.secretCipher), raw), timestamp);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The platform's outbound check again right before the call (the URL passed it when registered, but a name may
     * resolve elsewhere now, or the allow-list changed): a refusal is this attempt's recorded failure, like an
     * unreachable system, never an error of the round. It resolves the host, so it runs off the event loop.
     */
    private Uni<Prepared> checked(String tenantId, Prepared prepared) {
        return vertx.executeBlocking(() -> {
            outbound.check(tenantId, prepared.url());
            return prepared;
        }).onFailure(OutboundUrls.Refused.class).transform(e -> new IllegalStateException(
                "erasureUrl not called: " + e.getMessage()));
    }

    /** Sends the request once; redirects are not followed (the client is built so), a 3xx is a failed attempt. */
    private Uni<Outcome> send(Prepared prepared) {
        return client.postAbs(prepared.url())
                .timeout(config.delivery().timeout().toMillis())
                .putHeader("Content-Type", "application/json")
                .putHeader(SIGNATURE_HEADER, prepared.signature())
                .putHeader(TIMESTAMP_HEADER, prepared.timestamp())
                .sendBuffer(io.vertx.mutiny.core.buffer.Buffer.newInstance(Buffer.buffer(prepared.body())))
                .map(this::outcome);
    }

    private Outcome outcome(HttpResponse<io.vertx.mutiny.core.buffer.Buffer> response) {
        int status = response.statusCode();
        if (status < 200 || status >= 300) {
            String text = response.bodyAsString();
            return new Outcome(null, null, "HTTP " + status + (text == null ? "" : ": "
                    + text.substring(0, Math.min(200, text.length()))));
        }
        try {
            String text = response.bodyAsString();
            JsonNode node = text == null || text.isBlank() ? null : json.readTree(text.getBytes(StandardCharsets.UTF_8));
            if (node != null && node.path("erased").canConvertToInt() && node.path("erased").isIntegralNumber()) {
                return new Outcome(ErasureRequestStatus.CONFIRMED, node.path("erased").intValue(), null);
            }
        } catch (java.io.IOException e) {
            // Accepted without a readable count: the system confirms later.
        }
        return new Outcome(ErasureRequestStatus.SENT, null, null);
    }

    private Uni<Void> record(ErasureRequestRepository.Claimed claim, Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> requests.findById(claim.id()).invoke(r -> {
            r.leaseUntil = null;
            if (outcome.status() == ErasureRequestStatus.CONFIRMED) {
                r.status = ErasureRequestStatus.CONFIRMED;
                r.sentAt = now;
                r.confirmedAt = now;
                r.confirmedBy = r.systemCode;
                r.erasedCount = outcome.erased();
                r.lastError = null;
            } else if (outcome.status() == ErasureRequestStatus.SENT) {
                r.status = ErasureRequestStatus.SENT;
                r.sentAt = now;
                r.lastError = null;
            } else if (claim.attempts() >= config.delivery().maxAttempts()) {
                r.status = ErasureRequestStatus.FAILED;
                r.lastError = outcome.error();
                LOG.warnf("Erasure request %s to %s failed after %d attempts: %s", r.id, r.systemCode,
                        claim.attempts(), outcome.error());
            } else {
                r.status = ErasureRequestStatus.PENDING;
                r.nextAttemptAt = now.plus(backoff(claim.attempts()));
                r.lastError = outcome.error();
            }
        })).replaceWithVoid();
    }

    Duration backoff(int attempts) {
        Duration wait = config.delivery().backoff().multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(config.delivery().maxBackoff()) > 0 ? config.delivery().maxBackoff() : wait;
    }
}
