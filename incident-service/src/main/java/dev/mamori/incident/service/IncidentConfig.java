package dev.mamori.incident.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the incident service ({@code mamori.incident.*}). */
@ConfigMapping(prefix = "mamori.incident")
public interface IncidentConfig {

    /** Days from the day the company knew to the preliminary report (3 to 5; PPC Rule 8(1)). */
    @WithDefault("3")
    int preliminaryDays();

    /** The due list shows incidents whose next report is due within this many days, or overdue. */
    @WithDefault("3")
    int dueWindowDays();

    /** How often staff notices are queued for reports falling due; "off" disables it (tests run it by hand). */
    @WithDefault("15m")
    String noticeSweep();
}
