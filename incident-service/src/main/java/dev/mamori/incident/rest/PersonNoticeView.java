package dev.mamori.incident.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mamori.incident.NoticeChannel;
import dev.mamori.incident.NoticeOutcome;
import dev.mamori.incident.PersonNotice;
import dev.mamori.incident.PersonNoticeKind;
import dev.mamori.incident.service.PersonNoticeService;
import dev.mamori.incident.service.PersonProgress;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A notice to persons or a public announcement, as recorded. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "PersonNotice")
public record PersonNoticeView(
        UUID id,
        PersonNoticeKind kind,
        NoticeChannel channel,
        String text,
        int persons,
        List<String> subjectRefs,
        OffsetDateTime sentAt,
        NoticeOutcome outcome,
        String reason,
        OffsetDateTime recordedAt,
        String recordedBy) {

    static PersonNoticeView of(PersonNotice n) {
        return new PersonNoticeView(
                n.id,
                n.kind,
                n.channel,
                n.text,
                n.persons,
                n.subjectRefs,
                n.sentAt,
                n.outcome,
                n.reason,
                n.recordedAt,
                n.recordedBy);
    }

    /** Every notice of an incident and the progress they make. */
    @Schema(name = "PersonNotices")
    public record Listing(List<PersonNoticeView> notices, PersonProgress progress) {
        static Listing of(PersonNoticeService.Notices n) {
            return new Listing(n.notices().stream().map(PersonNoticeView::of).toList(), n.progress());
        }
    }
}
