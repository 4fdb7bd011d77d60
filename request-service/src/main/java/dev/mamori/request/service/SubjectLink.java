package dev.mamori.request.service;

import dev.mamori.platform.subject.SubjectRef;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Whom a request filed online is about: the client company's reference of the person, found by staff. */
@Schema(name = "SubjectLink")
public record SubjectLink(
        @Schema(example = "cust-000123") @NotNull @Pattern(regexp = SubjectRef.PATTERN, message = SubjectRef.MESSAGE)
        String subjectRef) {}
