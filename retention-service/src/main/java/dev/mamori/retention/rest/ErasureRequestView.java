package dev.mamori.retention.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.retention.ErasureCause;
import dev.mamori.retention.ErasureRequest;
import dev.mamori.retention.ErasureRequestStatus;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ErasureRequest")
public record ErasureRequestView(
        UUID id,
        String owningSystem,
        ErasureCause cause,
        UUID runId,
        String requestRef,
        int itemCount,
        ErasureRequestStatus status,
        int attempts,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime createdAt,
        OffsetDateTime sentAt,
        OffsetDateTime confirmedAt,
        String confirmedBy,
        Integer erasedCount,
        String lastError) {

    static ErasureRequestView of(ErasureRequest r) {
        return new ErasureRequestView(
                r.id,
                r.systemCode,
                r.cause,
                r.runId,
                r.requestRef,
                r.itemCount,
                r.status,
                r.attempts,
                r.nextAttemptAt,
                r.createdAt,
                r.sentAt,
                r.confirmedAt,
                r.confirmedBy,
                r.erasedCount,
                r.lastError);
    }
}
