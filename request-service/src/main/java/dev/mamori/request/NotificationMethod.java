package dev.mamori.request;

/** How the result notice reached the person. */
public enum NotificationMethod {
    /** A printed notice, by post. */
    POST,
    EMAIL,
    /** A download or message through an electronic delivery service or portal. */
    ELECTRONIC_DELIVERY
}
