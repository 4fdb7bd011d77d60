package dev.mamori.retention.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.net.OutboundUrls;
import dev.mamori.platform.outbox.Outbox;
import dev.mamori.platform.signing.SignedSender;
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
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers erasure requests to owning systems: a POST of the items to erase, signed with the system's secret through
 * the platform's {@link SignedSender} (HMAC-SHA256 over the timestamp and the raw body; the body carries the request
 * id and the same time as {@code sentAt}, so a replayed body is recognisable). A 2xx with {@code {"erased": n}}
 * confirms; any other 2xx means "accepted, will confirm" via POST /v1/erasure-confirmations; anything else is a
 * failed attempt, retried by the platform's outbox with backoff until {@code max-attempts}, then FAILED.
 *
 * <p>Safe with several replicas: the outbox claims requests with FOR UPDATE SKIP LOCKED and a lease, so two
 * deliverers never send the same request at once, and a dead deliverer's claims fall back to the others when the
 * lease ends; an answer that comes back after its claim lost the request changes nothing.
 */
@ApplicationScoped
public class ErasureDeliverer {

    private static final Logger LOG = Logger.getLogger(ErasureDeliverer.class);

    private final ErasureRequestRepository requests;
    private final ErasureRepository erasure;
    private final OwningSystemRepository systems;
    private final OwningSystemSecrets secrets;
    private final ObjectMapper json;
    private final SignedSender sender;

    public ErasureDeliverer(
            ErasureRequestRepository requests,
            ErasureRepository erasure,
            OwningSystemRepository systems,
            OwningSystemSecrets secrets,
            RetentionConfig config,
            ObjectMapper json,
            Vertx vertx,
            OutboundUrls outbound) {
        this.requests = requests;
        this.erasure = erasure;
        this.systems = systems;
        this.secrets = secrets;
        this.json = json;
        this.sender = new SignedSender(
                vertx,
                outbound,
                new WebClientOptions()
                        .setConnectTimeout((int) config.delivery().timeout().toMillis())
                        .setUserAgent("mamori-retention-service"),
                config.delivery().timeout());
    }

    void close(@Observes ShutdownEvent event) {
        sender.close();
    }

    @Scheduled(
            every = "${mamori.retention.delivery.every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "retention-erasure-delivery")
    Uni<Void> deliverDue() {
        return Panache.withTransaction(() -> requests.outbox().claim())
                .chain(claim -> Multi.createFrom()
                        .iterable(claim.rows())
                        // One at a time: the round shares one Vert.x context, hence one Hibernate session.
                        .onItem()
                        .transformToUniAndConcatenate(row -> deliver(claim.lease(), row))
                        .collect()
                        .last())
                .replaceWithVoid()
                .onFailure()
                .invoke(e -> LOG.warnf("Erasure delivery round failed: %s", e.getMessage()))
                .onFailure()
                .recoverWithNull();
    }

    /** What one attempt came to: delivered with a status, or failed with a reason. */
    record Outcome(ErasureRequestStatus status, Integer erased, String error) {}

    /** A request ready to send: where, the signed body, and the secret to sign it with. */
    record Prepared(String tenantId, String url, byte[] body, String secret, Instant at) {}

    private Uni<Void> deliver(UUID lease, Outbox.Claimed row) {
        return Panache.withSession(() -> requests.findById(row.id()).chain(request -> systems.findByCode(
                                request.tenantId, request.systemCode)
                        .chain(system -> system == null
                                ? Uni.createFrom()
                                        .failure(new IllegalStateException(
                                                "owning system " + request.systemCode + " is not registered"))
                                : erasure.forErasureRequest(request.id).map(items -> prepare(system, request, items)))))
                .chain(this::send)
                .onFailure()
                .recoverWithItem(e -> new Outcome(null, null, String.valueOf(e.getMessage())))
                .chain(outcome -> record(lease, row, outcome));
    }

    private Prepared prepare(OwningSystem system, ErasureRequest request, List<ErasureRepository.Evidence> items) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("erasureRequestId", request.id.toString());
        body.put("tenantId", request.tenantId);
        body.put("owningSystem", request.systemCode);
        body.put("cause", request.cause.name());
        body.put("requestRef", request.requestRef);
        body.put("sentAt", at.toString()); // RFC 3339, seconds always written
        body.put(
                "items",
                items.stream()
                        .map(e -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("holdingId", e.holdingId());
                            item.put("subjectRef", e.subjectRef());
                            item.put("categoryCode", e.categoryCode());
                            item.put("locator", e.locator());
                            item.put("collectedAt", e.collectedAt());
                            return item;
                        })
                        .toList());
        try {
            return new Prepared(
                    request.tenantId, system.erasureUrl, json.writeValueAsBytes(body), secrets.open(system), at);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Sends the request once. A URL the outbound rule refuses now (it passed when registered, but a name may resolve
     * elsewhere now, or the allow-list changed) is this attempt's recorded failure, like an unreachable system; a 3xx
     * is a failed attempt (redirects are not followed).
     */
    private Uni<Outcome> send(Prepared prepared) {
        return sender.post(
                        prepared.tenantId(),
                        prepared.url(),
                        prepared.body(),
                        prepared.secret(),
                        Map.of(),
                        prepared.at())
                .map(this::outcome)
                .onFailure(OutboundUrls.Refused.class)
                .recoverWithItem(e -> new Outcome(null, null, "erasureUrl not called: " + e.getMessage()));
    }

    private Outcome outcome(SignedSender.Response response) {
        String text = response.body();
        if (!response.ok()) {
            return new Outcome(
                    null,
                    null,
                    "HTTP " + response.status()
                            + (text == null ? "" : ": " + text.substring(0, Math.min(200, text.length()))));
        }
        try {
            JsonNode node =
                    text == null || text.isBlank() ? null : json.readTree(text.getBytes(StandardCharsets.UTF_8));
            if (node != null
                    && node.path("erased").canConvertToInt()
                    && node.path("erased").isIntegralNumber()) {
                return new Outcome(
                        ErasureRequestStatus.CONFIRMED, node.path("erased").intValue(), null);
            }
        } catch (IOException e) {
            // Accepted without a readable count: the system confirms later.
        }
        return new Outcome(ErasureRequestStatus.SENT, null, null);
    }

    private Uni<Void> record(UUID lease, Outbox.Claimed row, Outcome outcome) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        Outbox outbox = requests.outbox();
        return Panache.withTransaction(() -> (outcome.status() == null
                        ? outbox.failed(lease, row, outcome.error(), true)
                        : outbox.delivered(lease, row, outcome.status().name()))
                // Loaded after the outbox's update, so the entity holds what the outbox wrote.
                .chain(settled -> settled == Outbox.Settled.NOT_HELD
                        ? Uni.createFrom().voidItem()
                        : requests.findById(row.id())
                                .invoke(r -> settled(r, settled, outcome, now))
                                .replaceWithVoid()));
    }

    private static void settled(ErasureRequest r, Outbox.Settled settled, Outcome outcome, OffsetDateTime now) {
        if (settled == Outbox.Settled.DEAD) {
            LOG.warnf(
                    "Erasure request %s to %s failed after %d attempts: %s",
                    r.id, r.systemCode, r.attempts, outcome.error());
        }
        if (settled != Outbox.Settled.DELIVERED) {
            return;
        }
        r.sentAt = now;
        if (outcome.status() == ErasureRequestStatus.CONFIRMED) {
            r.confirmedAt = now;
            r.confirmedBy = r.systemCode;
            r.erasedCount = outcome.erased();
        }
    }
}
