package dev.mamori.request.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The scheduled staff mails ({@code mamori.request.staff-mail.*}). Who gets them and the console they link to are
 * the platform's {@code mamori.mail.staff-recipients."<tenant>"} and {@code mamori.mail.console-url}.
 */
@ConfigMapping(prefix = "mamori.request.staff-mail")
public interface StaffMailConfig {

    /** Whether the scheduled jobs run (tests turn them off and run them by hand). Mails on a change always go. */
    @WithDefault("true")
    boolean enabled();

    /** How often open requests are looked at for near-due and overdue mails (a Quarkus scheduler interval). */
    @WithDefault("1h")
    String dueInterval();

    /** When the daily digest goes out, a Quarkus cron in Japan time (default 08:30 JST). */
    @WithDefault("0 30 8 * * ?")
    String digestCron();

    /** How many requests one run mails about per tenant at most; the next run takes the rest. */
    @WithDefault("200")
    @Min(1)
    @Max(5000)
    int batchSize();
}
