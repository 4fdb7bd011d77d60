package dev.mamori.retention.rest;

import dev.mamori.retention.OwningSystem;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An owning system as the API shows it: never its secret. */
@Schema(name = "OwningSystem")
public record OwningSystemView(
        String code, String name, String erasureUrl, OffsetDateTime createdAt, String createdBy) {

    static OwningSystemView of(OwningSystem s) {
        return new OwningSystemView(s.code, s.name, s.erasureUrl, s.createdAt, s.createdBy);
    }
}
