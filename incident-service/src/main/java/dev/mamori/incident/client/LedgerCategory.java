package dev.mamori.incident.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The part of a ledger entry (retention-service's DataCategory) an incident's scope needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LedgerCategory(String code, String nameJa, String nameEn, List<String> items, boolean sensitive) {}
