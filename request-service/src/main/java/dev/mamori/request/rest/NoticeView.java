package dev.mamori.request.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice to the person, in Japanese (the binding text) and English. */
@Schema(name = "Notice")
public record NoticeView(String ja, String en) {}
