package dev.mamori.request.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An extended request with the notice to send the person, in Japanese and English. */
@Schema(name = "ExtensionNotice")
public record ExtensionView(RequestView request, NoticeView notice) {}
