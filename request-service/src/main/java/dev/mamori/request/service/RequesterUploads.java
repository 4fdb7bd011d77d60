package dev.mamori.request.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.platform.crypto.FieldCipher;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.request.DataSubjectRequest;
import dev.mamori.request.RequesterUpload;
import dev.mamori.request.repository.RequesterUploadRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

/**
 * The upload token a requester gets with the confirmation of a filing: 32 random bytes, URL-safe base64. Stored as
 * its SHA-256 (checked in constant time) and encrypted under the request, so that a replayed confirmation (same
 * Idempotency-Key) answers the same token while the idempotency store never holds it in clear.
 */
@ApplicationScoped
public class RequesterUploads {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RequesterUploadRepository uploads;
    private final TenantContext tenant;
    private final FieldCipher cipher;
    private final ObjectMapper json;
    private final RequestConfig config;

    public RequesterUploads(
            RequesterUploadRepository uploads,
            TenantContext tenant,
            FieldCipher cipher,
            ObjectMapper json,
            RequestConfig config) {
        this.uploads = uploads;
        this.tenant = tenant;
        this.cipher = cipher;
        this.json = json;
        this.config = config;
    }

    /** Gives the requester of {@code r} an upload token valid for the upload window, in the caller's transaction. */
    Uni<String> grant(DataSubjectRequest r, OffsetDateTime now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        RequesterUpload u = new RequesterUpload();
        u.requestId = r.id;
        u.tenantId = r.tenantId;
        u.tokenHash = hash(token);
        u.tokenCipher = cipher.encrypt(token, context(r.tenantId, r.id));
        u.validUntil = now.plus(config.identity().uploadWindow());
        u.documentsSubmitted = 0;
        u.createdAt = now;
        return uploads.persist(u).map(x -> token);
    }

    /** Whether {@code token} is the one given for {@code u} (constant time). */
    static boolean matches(RequesterUpload u, String token) {
        return u != null && token != null && MessageDigest.isEqual(u.tokenHash, hash(token));
    }

    /** A replayed confirmation's stored answer with the upload token put back (decrypted from the request's). */
    Uni<Response> withToken(Response replayed) {
        ObjectNode body;
        try {
            body = (ObjectNode) json.readTree((String) replayed.getEntity());
        } catch (JsonProcessingException | ClassCastException e) {
            throw new IllegalStateException("A stored confirmation is not the expected JSON", e);
        }
        UUID requestId = UUID.fromString(body.get("requestId").asText());
        String tenantId = tenant.tenantId();
        return Panache.withSession(() -> uploads.findForTenant(tenantId, requestId))
                .map(u -> {
                    body.put(
                            "uploadToken",
                            u == null ? null : cipher.decrypt(u.tokenCipher, context(tenantId, requestId)));
                    Response.ResponseBuilder answer =
                            Response.status(replayed.getStatus()).entity(body).type(MediaType.APPLICATION_JSON);
                    replayed.getStringHeaders().forEach((name, values) -> {
                        if (!name.equalsIgnoreCase("Content-Type")) {
                            values.forEach(v -> answer.header(name, v));
                        }
                    });
                    return answer.build();
                });
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String context(String tenantId, UUID requestId) {
        return tenantId + "/" + requestId + "/upload-token";
    }
}
