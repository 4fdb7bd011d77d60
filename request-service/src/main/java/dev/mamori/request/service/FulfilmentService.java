package dev.mamori.request.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.outbox.Outbox;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.RequestEventKind;
import dev.mamori.request.RequestResult;
import dev.mamori.request.RequestStatus;
import dev.mamori.request.RequestType;
import dev.mamori.request.TaskStatus;
import dev.mamori.request.client.Delivery;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.FulfilmentTaskRepository;
import dev.mamori.request.repository.RequestResultRepository;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Carries an approved request to its end: records what each target answered (the platform's outbox retries with
 * backoff and marks a task FAILED after the configured attempts; the reason goes into the request's log), and
 * completes the request when every target is done: the disclosure package is assembled and the person's notice
 * written (ja/en).
 */
@ApplicationScoped
public class FulfilmentService {

    /** What a closed request produced, decrypted for the reader. */
    public record Result(DataSubjectRequest request, RequestResult result, JsonNode pkg, JsonNode actions) {}

    private final DataSubjectRequestRepository requests;
    private final FulfilmentTaskRepository tasks;
    private final RequestResultRepository results;
    private final RequestJournal journal;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final PersonNotices notices;

    public FulfilmentService(
            DataSubjectRequestRepository requests,
            FulfilmentTaskRepository tasks,
            RequestResultRepository results,
            RequestJournal journal,
            TenantContext tenant,
            AuditLog audit,
            FieldCipher cipher,
            ObjectMapper json,
            PersonNotices notices) {
        this.requests = requests;
        this.tasks = tasks;
        this.results = results;
        this.journal = journal;
        this.tenant = tenant;
        this.audit = audit;
        this.cipher = cipher;
        this.json = json;
        this.notices = notices;
    }

    /**
     * Records one delivery attempt, inside the caller's transaction. The request row is locked first, so two
     * replicas finishing the last two tasks of a request complete it once. The platform's outbox settles the task
     * (DONE, RETRYING after its backoff, or FAILED once the attempts are used up or the target refused what no retry
     * cures); an answer for a task whose lease was taken over by another replica changes nothing.
     */
    public Uni<Void> recordOutcome(FulfilmentTask claimed, UUID lease, Delivery d) {
        OffsetDateTime now = now();
        Outbox outbox = tasks.outbox();
        Outbox.Claimed row = new Outbox.Claimed(claimed.id, claimed.attempts);
        return requests.find("id", claimed.requestId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(r -> r == null
                        ? Uni.createFrom().voidItem()
                        : (d.ok()
                                        ? outbox.delivered(lease, row, TaskStatus.DONE.name())
                                        : outbox.failed(lease, row, d.error(), d.retryable()))
                                // Loaded after the outbox's update, so the entity holds what the outbox wrote.
                                .chain(settled -> settled == Outbox.Settled.NOT_HELD
                                        ? Uni.createFrom().voidItem()
                                        : tasks.findById(claimed.id).chain(t -> settled(r, t, settled, d, now))));
    }

    private Uni<Void> settled(
            DataSubjectRequest r, FulfilmentTask t, Outbox.Settled settled, Delivery d, OffsetDateTime now) {
        t.lastHttpStatus = d.httpStatus();
        if (settled == Outbox.Settled.DELIVERED) {
            t.doneAt = now;
            t.note = d.note();
            if (d.body() != null && !d.body().isBlank() && t.action.isFulfilment()) {
                t.resultCipher = journal.encryptResult(t, d.body());
            }
            return t.action.isFulfilment() && r.status == RequestStatus.IN_PROGRESS
                    ? completeIfDone(r, now)
                    : Uni.createFrom().voidItem();
        }
        if (settled == Outbox.Settled.DEAD && t.action.isFulfilment() && !r.status.isTerminal()) {
            // Never stuck without a visible reason: the failure is in the request's log and view.
            return journal.append(
                            r,
                            RequestEventKind.TARGET_FAILED,
                            t.target + " " + t.action + " failed after " + t.attempts + " attempt(s): " + d.error()
                                    + "; an operator can retry it",
                            Actor.SYSTEM,
                            now)
                    .replaceWithVoid();
        }
        return Uni.createFrom().voidItem();
    }

    private Uni<Void> completeIfDone(DataSubjectRequest r, OffsetDateTime now) {
        return tasks.ofRequest(r.tenantId, r.id).chain(all -> {
            List<FulfilmentTask> work =
                    all.stream().filter(t -> t.action.isFulfilment()).toList();
            if (work.stream().anyMatch(t -> t.status != TaskStatus.DONE)) {
                return Uni.createFrom().voidItem();
            }
            Assembled done = assemble(r, work);
            return close(
                            r,
                            RequestStatus.COMPLETED,
                            done.pkg(),
                            done.actions(),
                            RequestEventKind.COMPLETED,
                            "every target done: " + done.summary(),
                            Actor.SYSTEM,
                            now,
                            null)
                    .call(() -> audit.record(
                            r.tenantId,
                            Actor.SYSTEM.subject(),
                            Actor.SYSTEM.client(),
                            "REQUEST_COMPLETED",
                            RequestService.RESOURCE,
                            r.id,
                            r.subjectRef,
                            "SUCCESS"));
        });
    }

    /** What the request's calls produced: the disclosure package (null if nothing was read) and per-call facts. */
    private record Assembled(ObjectNode pkg, List<Map<String, Object>> actions, String summary) {}

    /**
     * Builds the package and the per-call facts from the tasks. A call that did not succeed adds no section: an
     * empty section would tell the person "nothing held" when in fact it could not be read.
     */
    private Assembled assemble(DataSubjectRequest r, List<FulfilmentTask> work) {
        ObjectNode pkg = json.createObjectNode();
        List<Map<String, Object>> actions = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        boolean disclosure = false;
        // A purpose notification's fetches also bring the words for the purposes; they stay out of the package.
        ArrayNode catalogue = json.createArrayNode();
        ArrayNode categories = json.createArrayNode();
        for (FulfilmentTask t : work) {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("target", t.target);
            action.put("action", t.action);
            action.put("status", t.status);
            action.put("attempts", t.attempts);
            summary.add(t.target + ":" + t.action + (t.status == TaskStatus.DONE ? "" : " " + t.status)
                    + (t.note == null ? "" : " (" + t.note + ")"));
            if (t.status != TaskStatus.DONE) {
                // Only the HTTP status: the error text may quote the target's answer about the person.
                action.put("lastHttpStatus", t.lastHttpStatus);
                actions.add(action);
                continue;
            }
            action.put("doneAt", t.doneAt);
            if (t.note != null) {
                action.put("note", t.note);
            }
            JsonNode answer = t.resultCipher == null ? null : read(journal.decryptResult(t));
            switch (t.action) {
                case FETCH_CONSENTS -> {
                    disclosure = true;
                    ArrayNode consents = array(answer, "consents");
                    catalogue = array(answer, "purposeCatalogue");
                    pkg.set("consents", consents);
                    pkg.set("useStops", array(answer, "useStops"));
                    action.put("records", consents.size());
                }
                case FETCH_HOLDINGS -> {
                    disclosure = true;
                    ArrayNode holdings = answer instanceof ArrayNode a ? a : array(answer, "items");
                    categories = array(answer, "categories");
                    pkg.set("holdings", holdings);
                    action.put("records", holdings.size());
                }
                case FETCH_RECORDS -> {
                    disclosure = true;
                    ObjectNode records = json.createObjectNode();
                    records.set("provisions", array(answer, "provisions"));
                    records.set("receipts", array(answer, "receipts"));
                    pkg.set("thirdPartyRecords", records);
                    action.put(
                            "records",
                            records.get("provisions").size()
                                    + records.get("receipts").size());
                }
                default -> action.put("answer", answer);
            }
            // The package holds the fetched data now; the task keeps only that it was done.
            t.resultCipher = t.action.name().startsWith("FETCH_") ? null : t.resultCipher;
            actions.add(action);
        }
        if (disclosure && r.type == RequestType.PURPOSE_NOTIFICATION) {
            pkg.set("purposes", purposes(pkg, catalogue, categories));
        }
        return new Assembled(disclosure ? pkg : null, actions, String.join(", ", summary));
    }

    /**
     * Ends an approved request whose fulfilment failed for good (e.g. a target refused the call with a 4xx that no
     * retry can cure), on the privacy officer's word: the request is COMPLETED with what was done, and the person's
     * notice says what was not carried out and why. Art. 35(7) requires telling the person when a requested measure
     * is not (fully) taken, and Art. 36 asks for the reason. Refused while a call is still queued or retrying, so
     * nothing is done after the person was told it was not.
     */
    @WithTransaction
    public Uni<Void> closeIncomplete(UUID id, Closure closure) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.status.isTerminal()) {
                throw ProblemException.conflict("request-closed", "Request " + id + " is already " + r.status);
            }
            if (r.status != RequestStatus.IN_PROGRESS) {
                throw ProblemException.conflict(
                        "request-not-in-progress",
                        "Request " + id + " is " + r.status
                                + "; only an approved request whose fulfilment failed is closed this way (decide or cancel "
                                + "it instead)");
            }
            return tasks.ofRequest(tenantId, id).chain(all -> {
                List<FulfilmentTask> work =
                        all.stream().filter(t -> t.action.isFulfilment()).toList();
                List<String> pending = work.stream()
                        .filter(t -> t.status == TaskStatus.QUEUED || t.status == TaskStatus.RETRYING)
                        .map(t -> t.target + ":" + t.action + " (" + t.status + ")")
                        .toList();
                if (!pending.isEmpty()) {
                    throw ProblemException.conflict(
                            "fulfilment-pending",
                            "Request " + id + " still has calls under " + "way: " + String.join(", ", pending)
                                    + "; close it once they are done or failed");
                }
                List<String> failed = work.stream()
                        .filter(t -> t.status == TaskStatus.FAILED)
                        .map(t -> t.target + ":" + t.action)
                        .toList();
                if (failed.isEmpty()) {
                    throw ProblemException.conflict(
                            "nothing-failed", "No call of request " + id + " failed; it " + "completes by itself");
                }
                String reason = closure.reason().strip();
                Assembled partial = assemble(r, work);
                return close(
                                r,
                                RequestStatus.COMPLETED,
                                partial.pkg(),
                                partial.actions(),
                                RequestEventKind.CLOSED_INCOMPLETE,
                                "closed without " + String.join(", ", failed) + ": " + reason,
                                Actor.of(tenant),
                                now,
                                reason)
                        .call(() ->
                                audit.record("REQUEST_CLOSED_INCOMPLETE", RequestService.RESOURCE, r.id, r.subjectRef));
            });
        });
    }

    /**
     * Art. 32(2): the purposes the person's data is used for, told in words: the purposes their consents name and
     * the purposes the data categories of their holdings serve (a category is not a purpose), each with the title
     * and description consent-service publishes for it (Arts. 17, 21) in Japanese and, when given, English.
     */
    private ArrayNode purposes(ObjectNode pkg, ArrayNode catalogue, ArrayNode categories) {
        Set<String> codes = new LinkedHashSet<>();
        pkg.path("consents").forEach(c -> {
            if (c.hasNonNull("purpose")) {
                codes.add(c.get("purpose").asText());
            }
        });
        Set<String> held = new LinkedHashSet<>();
        pkg.path("holdings").forEach(h -> {
            if (h.hasNonNull("categoryCode")) {
                held.add(h.get("categoryCode").asText());
            }
        });
        categories.forEach(category -> {
            if (held.contains(category.path("code").asText())) {
                category.path("purposeCodes").forEach(code -> codes.add(code.asText()));
            }
        });
        Map<String, JsonNode> versions = new LinkedHashMap<>();
        catalogue.forEach(p -> versions.put(p.path("code").asText(), p.path("current")));
        ArrayNode out = json.createArrayNode();
        for (String code : codes) {
            ObjectNode purpose = out.addObject();
            purpose.put("code", code);
            JsonNode current = versions.get(code);
            if (current != null) {
                for (String field : List.of("titleJa", "titleEn", "descriptionJa", "descriptionEn")) {
                    if (current.hasNonNull(field)
                            && !current.get(field).asText().isBlank()) {
                        purpose.put(field, current.get(field).asText());
                    }
                }
            }
        }
        return out;
    }

    /**
     * Ends a request: its result (package, actions, notice in ja and en), status, log line and last callback.
     * {@code notCarriedOut} is the privacy officer's reason when part of an approved request was not carried out.
     */
    Uni<Void> close(
            DataSubjectRequest r,
            RequestStatus status,
            ObjectNode pkg,
            List<Map<String, Object>> actions,
            RequestEventKind kind,
            String detail,
            Actor actor,
            OffsetDateTime now,
            String notCarriedOut) {
        r.status = status;
        r.closedAt = now;
        r.pausedAt = null;
        r.pausedFrom = null;
        if (status == RequestStatus.REFUSED) {
            r.closeReason = r.decisionReason;
        }
        if (notCarriedOut != null) {
            r.closeReason = notCarriedOut;
        }
        Decision.CorrectionResult correction = r.correctionResultCipher == null
                ? null
                : readValue(
                        cipher.decrypt(r.correctionResultCipher, DecisionService.correctionContext(r)),
                        Decision.CorrectionResult.class);
        Notices.Notice notice = Notices.result(r, actions, correction, pkg, notCarriedOut);
        RequestResult result = new RequestResult();
        result.requestId = r.id;
        result.tenantId = r.tenantId;
        result.packageCipher = pkg == null ? null : cipher.encrypt(journal.write(pkg), packageContext(r));
        result.actions = journal.write(actions);
        result.noticeJa = notice.ja();
        result.noticeEn = notice.en();
        result.createdAt = now;
        return results.persist(result)
                .chain(() -> journal.append(r, kind, detail, actor, now))
                // The person's mail (refusal, completion, or the download link), with the change.
                .call(() -> notices.closed(r, now))
                .replaceWithVoid();
    }

    /** Sends FAILED (and waiting) tasks of a request again at once, with their attempts counted from zero. */
    @WithTransaction
    public Uni<List<FulfilmentTask>> retry(UUID id) {
        String tenantId = tenant.tenantId();
        OffsetDateTime now = now();
        return requests.lockForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            // A closed request's person was told what was not carried out: only its callbacks are sent again.
            return tasks.retryFailed(tenantId, id, r.status.isTerminal()).chain(n -> {
                if (n == 0) {
                    throw ProblemException.conflict(
                            "nothing-to-retry", "Request " + id + " has no failed or " + "waiting call to retry");
                }
                return journal.append(
                                r, RequestEventKind.RETRY_REQUESTED, n + " call(s) queued again", Actor.of(tenant), now)
                        .call(() -> audit.record("REQUEST_RETRY", RequestService.RESOURCE, r.id, r.subjectRef))
                        .chain(() -> tasks.ofRequest(tenantId, id));
            });
        });
    }

    /** The result of a COMPLETED or REFUSED request: reading it is reading the person's data, so it is audited. */
    @WithTransaction
    public Uni<Result> result(UUID id) {
        String tenantId = tenant.tenantId();
        return requests.findForTenant(tenantId, id).chain(r -> {
            if (r == null) {
                throw ProblemException.notFound("Request", id);
            }
            if (r.status != RequestStatus.COMPLETED && r.status != RequestStatus.REFUSED) {
                throw ProblemException.conflict(
                        "result-not-ready",
                        "Request " + id + " is " + r.status + "; a result exists once it is COMPLETED or REFUSED");
            }
            return results.forTenant(tenantId, id).chain(res -> {
                if (res == null) {
                    throw ProblemException.conflict("result-not-ready", "Request " + id + " has no result");
                }
                JsonNode pkg =
                        res.packageCipher == null ? null : read(cipher.decrypt(res.packageCipher, packageContext(r)));
                return audit.record("REQUEST_RESULT_READ", RequestService.RESOURCE, r.id, r.subjectRef)
                        .map(v -> new Result(r, res, pkg, read(res.actions)));
            });
        });
    }

    static String packageContext(DataSubjectRequest r) {
        return r.tenantId + "/" + r.id + "/result.package";
    }

    private ArrayNode array(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value instanceof ArrayNode a ? a : json.createArrayNode();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            // A target answered something that is not JSON: keep it as text rather than lose it.
            return json.getNodeFactory().textNode(text);
        }
    }

    private <T> T readValue(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new IllegalStateException("Stored value is not " + type.getSimpleName(), e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.MICROS);
    }
}
