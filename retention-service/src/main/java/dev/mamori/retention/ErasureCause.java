package dev.mamori.retention;

/** Why a holding was erased. */
public enum ErasureCause {
    /** Its retention ran out (APPI Art. 22), including the end of the client contract. */
    RETENTION,
    /** The person asked and the request was approved (APPI Art. 35). */
    SUBJECT_REQUEST
}
