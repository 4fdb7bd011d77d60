package dev.mamori.retention;

/** Whether the client contract still runs. An ended contract's data is erased per its rules (APPI Art. 22). */
public enum ContractStatus {
    ACTIVE,
    ENDED
}
