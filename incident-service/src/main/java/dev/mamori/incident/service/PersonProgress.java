package dev.mamori.incident.service;

import dev.mamori.incident.NoticeOutcome;
import dev.mamori.incident.PersonNotice;
import dev.mamori.incident.PersonNoticeKind;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How far the notices to persons have come (APPI Art. 26(2)). */
@Schema(name = "PersonNoticeProgress")
public record PersonProgress(
        @Schema(description = "Persons affected") int affected,
        @Schema(description = "Persons a notice reached") long delivered,

        @Schema(description = "Persons a notice could not reach")
        long undeliverable,

        @Schema(description = "Persons whose notice is on its way")
        long pending,

        @Schema(description = "Persons not yet reached by any notice")
        long remaining,

        @Schema(description = "Public announcements made in place of notices")
        long publicAnnouncements) {

    public static PersonProgress of(int affected, List<PersonNotice> notices) {
        long delivered = persons(notices, NoticeOutcome.DELIVERED);
        long undeliverable = persons(notices, NoticeOutcome.UNDELIVERABLE);
        long pending = persons(notices, NoticeOutcome.PENDING);
        long announcements = notices.stream()
                .filter(n -> n.kind == PersonNoticeKind.PUBLIC_ANNOUNCEMENT)
                .count();
        return new PersonProgress(
                affected, delivered, undeliverable, pending, Math.max(0, affected - delivered), announcements);
    }

    private static long persons(List<PersonNotice> notices, NoticeOutcome outcome) {
        return notices.stream()
                .filter(n -> n.kind == PersonNoticeKind.NOTICE && n.outcome == outcome)
                .mapToLong(n -> n.persons)
                .sum();
    }
}
