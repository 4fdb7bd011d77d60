package dev.mamori.request;

/** How the result notice reached the person. */
public enum NotificationMethod {
    /** A letter by post (the seeds' printed notice). */
    POST,
    EMAIL,
    /** A download or message through an electronic delivery service or portal. */
    ELECTRONIC_DELIVERY
}
