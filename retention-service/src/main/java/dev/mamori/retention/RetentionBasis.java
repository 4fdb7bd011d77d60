package dev.mamori.retention;

/**
 * What a category's retention period counts from. Seeds: BellSystem24 deletes 92 days after collection unless a
 * client contract extends it (COLLECTION); tele-net erases call recordings when the client contract ends
 * (CONTRACT_END). Either way the data is erased once no longer needed (APPI Art. 22).
 */
public enum RetentionBasis {
    /** Keep N days from the moment the data was collected. */
    COLLECTION,
    /** Keep until the client contract ends, then N more days; the date is known only when the contract ends. */
    CONTRACT_END
}
