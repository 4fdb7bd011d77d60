package dev.mamori.consent.service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Existing consents to import at once: all or nothing. */
@Schema(name = "ConsentImport")
public record ConsentImport(
        @NotEmpty @Size(max = ConsentService.MAX_IMPORT) List<@Valid @NotNull ConsentDraft> consents) {}
