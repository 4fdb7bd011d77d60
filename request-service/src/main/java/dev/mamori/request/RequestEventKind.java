package dev.mamori.request;

/** What happened to a request, as its append-only log records it. */
public enum RequestEventKind {
    RECEIVED,
    /** Staff linked a request filed online to the client company's reference of the person. */
    SUBJECT_LINKED,
    IDENTITY_VERIFIED,
    PAUSED,
    RESUMED,
    DUE_DATE_EXTENDED,
    APPROVED,
    PARTIALLY_APPROVED,
    REFUSED,
    NO_DATA,
    TARGET_FAILED,
    RETRY_REQUESTED,
    COMPLETED,
    /** An approved request ended by the privacy officer with part of it not carried out (Art. 35(7)). */
    CLOSED_INCOMPLETE,
    CANCELLED,
    /** The result notice was sent to the person: when, how and by whom (Arts. 32(3), 33(3), 34(3), 35(7)). */
    RESULT_NOTIFIED,
    /** The requester uploaded a copy of an identity document on the privacy center (Art. 37(1)). */
    IDENTITY_DOCUMENT_SUBMITTED,
    /** The result was mailed to the requester as a download link (electronic delivery, Art. 33(1)). */
    RESULT_DELIVERY_SENT,
    /** The requester downloaded the result through the link. */
    RESULT_DOWNLOADED
}
