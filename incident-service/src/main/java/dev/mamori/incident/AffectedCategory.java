package dev.mamori.incident;

import java.util.List;

/**
 * A ledger category the incident affected, as the ledger (retention-service) described it when the incident was
 * recorded, with whether its misuse may cause financial harm (PPC Rule 7(ii)), which the incident states.
 */
public record AffectedCategory(
        String code, String nameJa, String nameEn, List<String> items, boolean sensitive, boolean financialHarm) {}
