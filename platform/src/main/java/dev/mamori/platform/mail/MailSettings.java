package dev.mamori.platform.mail;

import dev.mamori.platform.outbox.OutboxSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The mail outbox's settings, {@code mamori.mail.*}. The SMTP server itself is Quarkus Mailer's
 * ({@code quarkus.mailer.host|port|from|start-tls|username|password}, or {@code QUARKUS_MAILER_*}).
 */
@ConfigMapping(prefix = "mamori.mail")
public interface MailSettings {

    /**
     * Whether this service sends the mail it queues. Off by default, so a service that sends no mail never looks at
     * its (empty) {@code mail_outbox}; a service that queues mail turns it on. Rows queued while it is off wait.
     */
    @WithDefault("false")
    boolean enabled();

    /** How often the deliverer looks for due mail (a Quarkus scheduler interval). */
    @WithDefault("5s")
    String interval();

    /** How long one SMTP send may take before it counts as failed; shorter than the outbox lease. */
    @WithDefault("PT30S")
    Duration sendTimeout();

    /** Retries: attempts, backoff, lease and batch size of the mail outbox ({@code mamori.mail.outbox.*}). */
    Outbox outbox();

    interface Outbox extends OutboxSettings {}
}
