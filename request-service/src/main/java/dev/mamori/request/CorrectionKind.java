package dev.mamori.request;

/** What Art. 34(1) lets the person ask for when the content of their data is not true. */
public enum CorrectionKind {
    /** 訂正: change the content. */
    CORRECTION,
    /** 追加: add what is missing. */
    ADDITION,
    /** 削除: delete untrue content (erasure of the data itself is an Art. 35 {@link RequestType#ERASURE}). */
    DELETION
}
