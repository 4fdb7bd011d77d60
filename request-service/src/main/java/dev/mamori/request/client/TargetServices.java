package dev.mamori.request.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.subject.SubjectRef;
import dev.mamori.request.TaskAction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Sends fulfilment tasks to consent-, retention- and thirdparty-service and the client system, and turns every
 * answer, error or timeout into a {@link Delivery}: nothing a target does escapes as an exception, so a failing
 * target always leaves a visible reason on its task.
 */
@ApplicationScoped
public class TargetServices {

    /** Pages of 500 (the suite's maximum) keep a person with 1,000 records to two calls per list. */
    static final int PAGE = 500;
    /** A list longer than this is not a person's records but a fault; stop instead of looping. */
    static final int MAX_PAGES = 200;
    /** thirdparty-service's problem kind for a person whose provision is already stopped. */
    static final String PROVISION_STOP_EXISTS = "provision-stop-exists";
    /** For reading problem documents in the static failure mapping; the injected mapper serves the rest. */
    private static final ObjectMapper SHARED_JSON = new ObjectMapper();

    /**
     * The envelope body of a fetch that answers a purpose notification: the fetch then also brings the words for
     * the purposes (consent-service's purpose titles, retention-service's categories with their purposes).
     */
    public static final String FOR_PURPOSE_NOTIFICATION = "{\"for\":\"PURPOSE_NOTIFICATION\"}";

    private final ConsentClient consent;
    private final PurposeCatalogueClient purposeCatalogue;
    private final RetentionClient retention;
    private final DataCategoryClient dataCategories;
    private final ThirdpartyClient thirdparty;
    private final CallbackSender callbacks;
    private final ObjectMapper json;
    private final Duration timeout;

    public TargetServices(
            @RestClient ConsentClient consent,
            @RestClient PurposeCatalogueClient purposeCatalogue,
            @RestClient RetentionClient retention,
            @RestClient DataCategoryClient dataCategories,
            @RestClient ThirdpartyClient thirdparty,
            CallbackSender callbacks,
            ObjectMapper json,
            dev.mamori.request.service.RequestConfig config) {
        this.consent = consent;
        this.purposeCatalogue = purposeCatalogue;
        this.retention = retention;
        this.dataCategories = dataCategories;
        this.thirdparty = thirdparty;
        this.callbacks = callbacks;
        this.json = json;
        this.timeout = config.outbox().callTimeout();
    }

    /** One attempt at {@code action} for {@code tenant}; {@code key} is the task's Idempotency-Key. */
    public Uni<Delivery> send(String tenant, TaskAction action, String key, Envelope envelope) {
        // The clients take the ref already encoded (@Encoded), every character but letters and digits as %XX: '+', '='
        // and '@' are legal in a path segment and a REST client may send them as they are, and a target that reads
        // '+' as a space would act on another person.
        String subject = envelope.subjectRef() == null ? null : SubjectRef.pathSegment(envelope.subjectRef());
        boolean forPurposes = FOR_PURPOSE_NOTIFICATION.equals(envelope.body());
        Uni<Delivery> call =
                switch (action) {
                    case FETCH_CONSENTS ->
                        forPurposes
                                ? consentsWithPurposes(subject, tenant)
                                : consent.consents(subject, tenant).map(body -> Delivery.ok(200, body));
                    case FETCH_HOLDINGS ->
                        all(offset -> retention.holdings(subject, tenant, offset, PAGE))
                                .chain(items -> forPurposes
                                        ? withCategories(items, tenant)
                                        : Uni.createFrom().item(Delivery.ok(200, write(items))));
                    case FETCH_RECORDS ->
                        Uni.combine()
                                .all()
                                .unis(
                                        all(offset -> thirdparty.provisions(subject, tenant, offset, PAGE)),
                                        all(offset -> thirdparty.receipts(subject, tenant, offset, PAGE)))
                                .asTuple()
                                .map(both -> {
                                    ObjectNode records = json.createObjectNode();
                                    records.set("provisions", both.getItem1());
                                    records.set("receipts", both.getItem2());
                                    return Delivery.ok(200, write(records));
                                });
                    case STOP_USE ->
                        consent.stopUse(subject, tenant, key, envelope.body()).map(body -> Delivery.ok(201, body));
                    case ERASE ->
                        retention.erase(subject, tenant, key, envelope.body()).map(body -> Delivery.ok(200, body));
                    case STOP_PROVISION ->
                        thirdparty
                                .stopProvision(subject, tenant, key, envelope.body())
                                .map(body -> Delivery.ok(201, body));
                    case PASS_CORRECTION, STATUS_CALLBACK -> callbacks.post(tenant, action, key, envelope);
                };
        return call.ifNoItem()
                .after(timeout)
                .failWith(() ->
                        new java.util.concurrent.TimeoutException("no answer within " + timeout.toSeconds() + " s"))
                .onFailure()
                .recoverWithItem(t -> failure(action, t));
    }

    /** The person's consents and, as {@code purposeCatalogue}, the tenant's purposes with their titles. */
    private Uni<Delivery> consentsWithPurposes(String subject, String tenant) {
        return Uni.combine()
                .all()
                .unis(consent.consents(subject, tenant), all(offset -> purposeCatalogue.purposes(tenant, offset, PAGE)))
                .asTuple()
                .map(both -> {
                    JsonNode consents = read(both.getItem1());
                    ObjectNode answer = consents instanceof ObjectNode o ? o : json.createObjectNode();
                    answer.set("purposeCatalogue", both.getItem2());
                    return Delivery.ok(200, write(answer));
                });
    }

    /**
     * The person's holdings as {@code items} and, as {@code categories}, each distinct category they belong to with
     * the purposes it serves. A category retention-service no longer knows (404) is left out, not retried.
     */
    private Uni<Delivery> withCategories(ArrayNode holdings, String tenant) {
        java.util.Set<String> codes = new java.util.LinkedHashSet<>();
        holdings.forEach(h -> {
            if (h.hasNonNull("categoryCode")) {
                codes.add(h.get("categoryCode").asText());
            }
        });
        ArrayNode categories = json.createArrayNode();
        Uni<Void> fetched = Uni.createFrom().voidItem();
        for (String code : codes) {
            fetched = fetched.chain(() -> dataCategories
                    .category(code, tenant)
                    .map(body -> (JsonNode) read(body))
                    .onFailure(t -> t instanceof WebApplicationException wae
                            && wae.getResponse() != null
                            && wae.getResponse().getStatus() == 404)
                    .recoverWithNull()
                    .invoke(category -> {
                        if (category != null) {
                            categories.add(category);
                        }
                    })
                    .replaceWithVoid());
        }
        return fetched.map(v -> {
            ObjectNode answer = json.createObjectNode();
            answer.set("items", holdings);
            answer.set("categories", categories);
            return Delivery.ok(200, write(answer));
        });
    }

    /** Every page of a paged list ({items, limit, next}), as one array. */
    private Uni<ArrayNode> all(Function<String, Uni<String>> page) {
        ArrayNode items = json.createArrayNode();
        return fetchFrom(page, null, items, 0).replaceWith(items);
    }

    private Uni<Void> fetchFrom(Function<String, Uni<String>> page, String offset, ArrayNode into, int pages) {
        if (pages >= MAX_PAGES) {
            return Uni.createFrom().failure(new IllegalStateException("more than " + MAX_PAGES + " pages"));
        }
        return page.apply(offset).chain(body -> {
            JsonNode doc = read(body);
            JsonNode items = doc.path("items");
            if (!items.isArray()) {
                return Uni.createFrom().failure(new IllegalStateException("answer has no items array"));
            }
            into.addAll((ArrayNode) items);
            JsonNode next = doc.path("next");
            if (next.isMissingNode() || next.isNull() || next.asText().isEmpty() || items.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return fetchFrom(page, next.asText(), into, pages + 1);
        });
    }

    static Delivery failure(TaskAction action, Throwable t) {
        if (t instanceof WebApplicationException wae && wae.getResponse() != null) {
            int status = wae.getResponse().getStatus();
            String detail = null;
            try {
                detail = wae.getResponse().hasEntity() ? wae.getResponse().readEntity(String.class) : null;
            } catch (RuntimeException ignored) {
                // the body is only a hint for the operator
            }
            // thirdparty-service answers 409 provision-stop-exists when a stop of this person is already in force
            // (e.g. from an earlier request). What Art. 35(3) asks for is then already so: the task is done, with a
            // note, rather than retried until it fails and the request cannot complete.
            if (action == TaskAction.STOP_PROVISION
                    && status == 409
                    && PROVISION_STOP_EXISTS.equals(problemKind(detail))) {
                return Delivery.alreadyDone(
                        status,
                        alreadyInForce(detail),
                        "a provision stop was already in force"
                                + (problemDetail(detail) == null ? "" : ": " + abbreviate(problemDetail(detail))));
            }
            return Delivery.failed(
                    status, "HTTP " + status + (detail == null || detail.isBlank() ? "" : ": " + abbreviate(detail)));
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null
                ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return Delivery.failed(null, abbreviate(message));
    }

    /** The last segment of a problem document's type (https://mamori.dev/problems/<kind>), or null. */
    static String problemKind(String body) {
        String type = problemField(body, "type");
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    static String problemDetail(String body) {
        return problemField(body, "detail");
    }

    private static String problemField(String body, String field) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode value = SHARED_JSON.readTree(body).get(field);
            return value == null || !value.isTextual() ? null : value.asText();
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }

    /** The answer kept for a stop that was already in force: no personal data, only the target's own words. */
    private static String alreadyInForce(String body) {
        ObjectNode answer = SHARED_JSON.createObjectNode();
        answer.put("alreadyInForce", true);
        String detail = problemDetail(body);
        if (detail != null) {
            answer.put("detail", abbreviate(detail));
        }
        return answer.toString();
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body == null ? "{}" : body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("answer is not JSON");
        }
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
