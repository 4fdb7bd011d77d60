package dev.mamori.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.RequestEvent;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.TaskAction;
import dev.mamori.request.TaskStatus;
import dev.mamori.request.client.Envelope;
import dev.mamori.request.repository.FulfilmentTaskRepository;
import dev.mamori.request.repository.RequestEventRepository;
import dev.mamori.request.repository.RequestSettingsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a request's log and, in the same transaction, queues the signed status callback that tells the client
 * system about it (at least once, in order, OpenGDPR practice). Once the callback announcing a terminal status is
 * queued, no further callback is queued for the request.
 */
@ApplicationScoped
public class RequestJournal {

    private final RequestEventRepository events;
    private final FulfilmentTaskRepository tasks;
    private final RequestSettingsRepository settings;
    private final FieldCipher cipher;
    private final ObjectMapper json;

    public RequestJournal(
            RequestEventRepository events,
            FulfilmentTaskRepository tasks,
            RequestSettingsRepository settings,
            FieldCipher cipher,
            ObjectMapper json) {
        this.events = events;
        this.tasks = tasks;
        this.settings = settings;
        this.cipher = cipher;
        this.json = json;
    }

    /** Appends an event (the request's status as it is now) and queues its callback. */
    public Uni<RequestEvent> append(
            DataSubjectRequest r, RequestEventKind kind, String detail, Actor actor, OffsetDateTime now) {
        RequestEvent e = event(r, kind, detail, actor, now);
        return events.persist(e).call(() -> queueCallback(r, e, now));
    }

    /**
     * The request's next event (the request's status as it is now), counted on the request; not yet stored. For a
     * write that sends its own statements ({@code RequestIntakeWriter}); the others {@link #append}.
     */
    public RequestEvent event(
            DataSubjectRequest r, RequestEventKind kind, String detail, Actor actor, OffsetDateTime now) {
        RequestEvent e = new RequestEvent();
        e.id = UUID.randomUUID();
        e.tenantId = r.tenantId;
        e.requestId = r.id;
        e.seq = ++r.lastEventSeq;
        e.kind = kind;
        e.occurredAt = now;
        e.actorSubject = actor.subject();
        e.actorClient = actor.client();
        e.statusAfter = r.status;
        e.detail = detail;
        r.updatedAt = now;
        return e;
    }

    private Uni<Void> queueCallback(DataSubjectRequest r, RequestEvent e, OffsetDateTime now) {
        if (!callsBack(r, e)) {
            return Uni.createFrom().voidItem();
        }
        Uni<String> url = r.callbackUrl != null
                ? Uni.createFrom().item(r.callbackUrl)
                : settings.forTenant(r.tenantId).map(s -> s == null ? null : s.clientCallbackUrl);
        return url.chain(target -> {
            FulfilmentTask t = callback(r, e, target, now);
            return t == null ? Uni.createFrom().voidItem() : tasks.persist(t).replaceWithVoid();
        });
    }

    /**
     * Whether {@code e} is called back at all. An event after the request ended (e.g. the notice was sent) is logged
     * but never called back, even when the request had no callback URL when it ended and the tenant configured one
     * since.
     */
    private static boolean callsBack(DataSubjectRequest r, RequestEvent e) {
        boolean afterEnd = r.closedAt != null && e.occurredAt.isAfter(r.closedAt);
        return !r.terminalCallbackQueued && !afterEnd;
    }

    /**
     * The outbox row that calls {@code e} back to {@code target} (the request's callback URL, else the tenant's),
     * or null when there is none to call or the event is not called back; not yet stored.
     */
    public FulfilmentTask callback(DataSubjectRequest r, RequestEvent e, String target, OffsetDateTime now) {
        if (target == null || !callsBack(r, e)) {
            return null;
        }
        if (r.status.isTerminal()) {
            r.terminalCallbackQueued = true;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", e.id);
        body.put("requestId", r.id);
        body.put("externalId", r.externalId);
        body.put("seq", e.seq);
        body.put("event", e.kind);
        body.put("status", r.status);
        body.put("terminal", r.status.isTerminal());
        body.put("occurredAt", e.occurredAt);
        body.put("dueOn", r.dueOn);
        body.put("statutoryMarkerOn", r.statutoryMarkerOn);
        if (r.outcome != null) {
            body.put("outcome", r.outcome);
        }
        return task(
                r, TaskAction.STATUS_CALLBACK, "event-" + e.seq, e.seq, new Envelope(null, target, write(body)), now);
    }

    /**
     * A new outbox row. Its Idempotency-Key is derived from request, target and action (plus {@code discriminator}
     * for callbacks), and the key is unique in the table: the same call can never be queued twice.
     */
    public FulfilmentTask task(
            DataSubjectRequest r,
            TaskAction action,
            String discriminator,
            int seq,
            Envelope envelope,
            OffsetDateTime now) {
        FulfilmentTask t = new FulfilmentTask();
        t.id = UUID.randomUUID();
        t.tenantId = r.tenantId;
        t.requestId = r.id;
        t.target = action.target();
        t.action = action;
        t.status = TaskStatus.QUEUED;
        t.idempotencyKey = "mamori-req-" + r.id + "-" + action.target().name().toLowerCase() + "-"
                + action.name().toLowerCase().replace('_', '-')
                + (discriminator == null ? "" : "-" + discriminator);
        t.seq = seq;
        t.payloadCipher = envelope == null ? null : cipher.encrypt(write(envelope), payloadContext(t));
        t.attempts = 0;
        t.nextAttemptAt = now;
        t.createdAt = now;
        t.updatedAt = now;
        return t;
    }

    public Envelope envelope(FulfilmentTask t) {
        if (t.payloadCipher == null) {
            return null;
        }
        try {
            return json.readValue(cipher.decrypt(t.payloadCipher, payloadContext(t)), Envelope.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Stored task payload is not an envelope", ex);
        }
    }

    static String payloadContext(FulfilmentTask t) {
        return t.tenantId + "/" + t.requestId + "/task/" + t.id + "/payload";
    }

    static String resultContext(FulfilmentTask t) {
        return t.tenantId + "/" + t.requestId + "/task/" + t.id + "/result";
    }

    public String encryptResult(FulfilmentTask t, String result) {
        return cipher.encrypt(result, resultContext(t));
    }

    public String decryptResult(FulfilmentTask t) {
        return cipher.decrypt(t.resultCipher, resultContext(t));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("Cannot serialise", ex);
        }
    }
}
