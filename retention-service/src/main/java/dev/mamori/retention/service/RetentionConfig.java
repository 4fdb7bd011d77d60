package dev.mamori.retention.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;

/** Typed configuration of the retention service ({@code mamori.retention.*}). */
@ConfigMapping(prefix = "mamori.retention")
public interface RetentionConfig {

    /** The zone whose calendar days retention counts in and whose dates explanations show. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    /** How far ahead of our clock a client's collectedAt may be before it counts as "in the future". */
    @WithDefault("PT5M")
    Duration clockSkew();
}
