package dev.mamori.thirdparty;

/** How a provision or receipt record is made; it decides how long the record is kept (PPC Rules 19, 21, 23, 25). */
public enum RecordMethod {
    /** One record each time data is received, made promptly (Rule 23(2) main clause): kept 3 years from creation. */
    EACH,
    /**
     * One record for continuous or repeated receipts (Rule 23(2) proviso; not for opt-out receipts): kept 3 years
     * from the last receipt.
     */
    BULK,
    /**
     * The contract with the principal for goods or services holds the record's items and stands in for the record
     * (Rule 23(3)): kept 1 year from the last receipt.
     */
    CONTRACT_SUBSTITUTE
}
