package dev.mamori.request.client;

/**
 * What a task needs to be sent again exactly as the first time: the person's reference at the target, the URL
 * for calls to the client system, and the exact body (the Idempotency-Key and the signature cover these bytes).
 */
public record Envelope(String subjectRef, String url, String body) {}
