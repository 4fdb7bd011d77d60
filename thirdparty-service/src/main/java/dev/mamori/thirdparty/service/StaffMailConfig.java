package dev.mamori.thirdparty.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The staff mails about contractors ({@code mamori.thirdparty.staff-mail.*}). Who gets them and the console they link
 * to are the platform's {@code mamori.mail.staff-recipients."<tenant>"} and {@code mamori.mail.console-url}.
 */
@ConfigMapping(prefix = "mamori.thirdparty.staff-mail")
public interface StaffMailConfig {

    /** How often contractors are looked at (a Quarkus scheduler interval); "off" disables it (tests run it by hand). */
    @WithDefault("6h")
    String every();

    /** Days ahead: a certification expiring, or an audit falling due, within them is mailed about (once). */
    @WithDefault("30")
    @Min(1)
    @Max(365)
    int windowDays();

    /** Mails per kind per tenant and run at most; the next run takes the rest. */
    @WithDefault("200")
    @Min(1)
    @Max(5000)
    int batchSize();
}
