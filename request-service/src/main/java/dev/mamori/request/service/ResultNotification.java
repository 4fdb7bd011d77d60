package dev.mamori.request.service;

import dev.mamori.platform.validation.NotFuture;
import dev.mamori.request.NotificationMethod;
import jakarta.validation.constraints.NotNull;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** That the result notice was sent to the person: how, and when (default: now). Who is the caller. */
@Schema(name = "ResultNotification")
public record ResultNotification(
        @Schema(example = "POST") @NotNull NotificationMethod via,

        @Schema(
                description = "When it was sent (posted, emailed, made available); not before the result existed, "
                        + "not in the future. Defaults to now.",
                example = "2026-04-10T10:00:00+09:00")
        @NotFuture
        OffsetDateTime sentAt) {}
