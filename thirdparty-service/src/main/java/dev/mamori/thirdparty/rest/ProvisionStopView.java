package dev.mamori.thirdparty.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.thirdparty.ProvisionStop;
import dev.mamori.thirdparty.StopGround;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ProvisionStop")
public record ProvisionStopView(
        UUID id,
        String subjectRef,
        StopGround ground,
        String requestRef,
        boolean inForce,
        OffsetDateTime stoppedAt,
        String stoppedBy,
        OffsetDateTime liftedAt,
        String liftedBy,
        String liftReason) {

    static ProvisionStopView of(ProvisionStop s) {
        return new ProvisionStopView(
                s.id,
                s.subjectRef,
                s.ground,
                s.requestRef,
                s.liftedAt == null,
                s.stoppedAt,
                s.stoppedBy,
                s.liftedAt,
                s.liftedBy,
                s.liftReason);
    }
}
