package dev.mamori.retention;

/**
 * What a category's retention period counts from: the collection (data a contact center collects for a client is
 * kept a fixed period, unless the client contract extends it) or the end of the client contract (call recordings
 * kept while the contract runs). Either way the data is erased once no longer needed (APPI Art. 22).
 */
public enum RetentionBasis {
    /** Keep N days from the moment the data was collected. */
    COLLECTION,
    /** Keep until the client contract ends, then N more days; the date is known only when the contract ends. */
    CONTRACT_END
}
