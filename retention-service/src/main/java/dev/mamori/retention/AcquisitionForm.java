package dev.mamori.retention;

/**
 * How a category of personal data is acquired (取得形態), a column of the JIS Q 15001 ledger. The form decides
 * which notice duty applies: direct acquisition in writing or by web form states the purpose before acquisition
 * (APPI Art. 21(2)); other acquisition notifies or publishes it promptly after (Art. 21(1)).
 */
public enum AcquisitionForm {
    /** 直接書面取得: from the person, in writing or an electronic form (Art. 21(2)). */
    DIRECT_WRITTEN,
    /** 直接取得（書面以外）: from the person, orally, e.g. on a call (Art. 21(1)). */
    DIRECT_ORAL,
    /** 間接取得: from a third party (Art. 21(1); Art. 30 confirmation on receipt). */
    INDIRECT,
    /** 委託を受けて取得: handled on a client company's behalf under entrustment (Art. 27(5)(i)). */
    ENTRUSTED,
    /** 公開情報からの取得: from published sources. */
    PUBLICLY_AVAILABLE
}
