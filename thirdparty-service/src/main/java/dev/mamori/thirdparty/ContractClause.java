package dev.mamori.thirdparty;

/**
 * Clauses of an entrustment contract that Art. 25 supervision relies on (PPC general guideline 3-4-4; JIS Q 15001
 * A.7.3.5): a contractor is used only once the contract holds {@link #REQUIRED} clauses.
 */
public enum ContractClause {
    /** The security control measures the contractor takes. */
    SAFETY_MEASURES,
    /** Confidentiality of the data and of what the contractor learns (the NDA). */
    CONFIDENTIALITY,
    /** Sub-contracting only with the client's prior approval. */
    SUBCONTRACTING_APPROVAL,
    /** The client's right to see handling and to audit. */
    RIGHT_TO_AUDIT,
    /** Return or deletion of the data when the contract ends. */
    RETURN_OR_DELETION,
    /** Reporting incidents and the handling status. */
    INCIDENT_REPORTING,
    /** Responsibility for a breach of the contract. */
    LIABILITY;

    public static final java.util.Set<ContractClause> REQUIRED = java.util.EnumSet.of(
            SAFETY_MEASURES, CONFIDENTIALITY, SUBCONTRACTING_APPROVAL, RIGHT_TO_AUDIT, RETURN_OR_DELETION);
}
