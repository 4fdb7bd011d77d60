package dev.mamori.incident.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** retention-service's count of holdings matching a filter, and of the distinct persons they are about. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HoldingCount(long holdings, long persons) {}
