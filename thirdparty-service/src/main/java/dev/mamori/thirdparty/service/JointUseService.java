package dev.mamori.thirdparty.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.platform.idempotency.Idempotency;
import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import dev.mamori.platform.tenant.TenantContext;
import dev.mamori.platform.time.JapanTime;
import dev.mamori.thirdparty.JointUseScheme;
import dev.mamori.thirdparty.JointUseSchemeVersion;
import dev.mamori.thirdparty.SchemeChange;
import dev.mamori.thirdparty.repository.JointUseSchemeRepository;
import dev.mamori.thirdparty.repository.JointUseSchemeVersionRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Joint use within a company group (APPI Art. 27(5)(iii), 27(6)). The responsible tenant publishes the scheme and
 * its versions; member tenants of the same group read the schemes they belong to with their own tokens.
 */
@ApplicationScoped
public class JointUseService {

    /** A scheme as one tenant sees it: its role in it, and every version, oldest first. */
    public record SchemeWithVersions(
            JointUseScheme scheme, boolean responsible, List<JointUseSchemeVersion> versions) {}

    static final String RESOURCE = "joint-use-scheme";

    private final JointUseSchemeRepository schemes;
    private final JointUseSchemeVersionRepository versions;
    private final GroupDirectory groups;
    private final TenantContext tenant;
    private final AuditLog audit;
    private final Idempotency idempotency;
    private final Clock clock;

    public JointUseService(
            JointUseSchemeRepository schemes,
            JointUseSchemeVersionRepository versions,
            GroupDirectory groups,
            TenantContext tenant,
            AuditLog audit,
            Idempotency idempotency,
            Clock clock) {
        this.schemes = schemes;
        this.versions = versions;
        this.groups = groups;
        this.tenant = tenant;
        this.audit = audit;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    /** Creates a scheme, once per Idempotency-Key. */
    public Uni<Response> create(
            String idempotencyKey, JointUseSchemeDraft draft, Function<SchemeWithVersions, Response> answer) {
        return idempotency.once(idempotencyKey, "createJointUseScheme", draft, () -> create(draft), answer);
    }

    @WithTransaction
    public Uni<SchemeWithVersions> create(JointUseSchemeDraft draft) {
        String tenantId = tenant.tenantId();
        if (draft.title() == null || draft.title().isBlank()) {
            throw ProblemException.invalidField("title", "must not be blank");
        }
        String group = callerGroup();
        checkStillInGroup(group);
        if (draft.responsibleReplaced() != null && draft.responsibleReplaced()) {
            throw ProblemException.unprocessable(
                    "nothing-replaced",
                    "The first version replaces no one",
                    "responsibleReplaced",
                    "a new scheme has no earlier responsible person; leave it out");
        }
        return groups.members(group)
                .chain(known -> create(draft, tenantId, group, checkMembers(draft, tenantId, group, known)));
    }

    private Uni<SchemeWithVersions> create(
            JointUseSchemeDraft draft, String tenantId, String group, List<String> members) {
        OffsetDateTime now = now();
        JointUseScheme scheme = new JointUseScheme();
        scheme.id = UUID.randomUUID();
        scheme.tenantId = tenantId;
        scheme.groupId = group;
        scheme.title = draft.title().strip();
        scheme.currentVersion = 1;
        scheme.createdAt = now;
        scheme.createdBy = tenant.actorSubject();
        List<SchemeChange> changes = List.of(SchemeChange.INITIAL);
        SchemeChange.Notice notice = checkNotice(changes, draft);
        JointUseSchemeVersion v = version(scheme, 1, draft, members, changes, notice, now);
        return schemes.persist(scheme)
                .chain(() -> versions.persist(v))
                .chain(() -> schemes.addMembers(scheme.id, v.version, members))
                .chain(() -> audit.record("JOINT_USE_SCHEME_PUBLISHED", RESOURCE, scheme.id, null))
                .map(done -> new SchemeWithVersions(scheme, true, List.of(v)));
    }

    /** Publishes a scheme's next version, once per Idempotency-Key. */
    public Uni<Response> publish(
            String idempotencyKey, UUID id, JointUseSchemeDraft draft, Function<SchemeWithVersions, Response> answer) {
        return idempotency.once(
                idempotencyKey, "publishJointUseSchemeVersion", List.of(id, draft), () -> publish(id, draft), answer);
    }

    /**
     * A new version. A change of purposes or of the responsible person needs advance notice (Art. 27(6)); a change
     * of the responsible person's name, address or representative is notified without delay, which the suite asks
     * for by the effective date; the data items and the scope of joint users are
     * not widened (PPC general guideline 3-6-3 (3): that needs the principals' consent, or a new scheme) but may
     * be narrowed.
     */
    @WithTransaction
    public Uni<SchemeWithVersions> publish(UUID id, JointUseSchemeDraft draft) {
        String tenantId = tenant.tenantId();
        return schemes.findOwned(tenantId, id).chain(scheme -> {
            if (scheme == null) {
                // A member reads a scheme but never changes it; to it, as to anyone else, the scheme is not there.
                throw ProblemException.notFound("Joint-use scheme", id);
            }
            checkStillInGroup(scheme.groupId);
            return groups.members(scheme.groupId)
                    .map(known -> checkMembers(draft, tenantId, scheme.groupId, known))
                    .chain(members -> versions.versionsOf(scheme.id).chain(all -> {
                        JointUseSchemeVersion previous = all.get(all.size() - 1);
                        List<SchemeChange> changes = changes(previous, draft, members);
                        checkEffectiveDate(previous, draft);
                        SchemeChange.Notice notice = checkNotice(changes, draft);
                        OffsetDateTime now = now();
                        JointUseSchemeVersion v =
                                version(scheme, previous.version + 1, draft, members, changes, notice, now);
                        scheme.currentVersion = v.version;
                        List<JointUseSchemeVersion> withNew = new ArrayList<>(all);
                        withNew.add(v);
                        return versions.persist(v)
                                // The new members read the scheme only from its effective date: until then the version
                                // in
                                // force decides (a member removed by a future version still reads what binds it today).
                                .chain(() -> schemes.addMembers(scheme.id, v.version, members))
                                .chain(() -> audit.record("JOINT_USE_SCHEME_CHANGED", RESOURCE, scheme.id, null))
                                .map(done -> new SchemeWithVersions(scheme, true, withNew));
                    }));
        });
    }

    /** The schemes the caller manages and, within its group, the ones it belongs to. */
    @WithSession
    public Uni<List<SchemeWithVersions>> list(int offset, int limit) {
        String tenantId = tenant.tenantId();
        return schemes.listVisible(tenantId, tenant.group().orElse(null), today(), offset, limit)
                .chain(found -> {
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(List.<SchemeWithVersions>of());
                    }
                    List<UUID> ids = found.stream().map(s -> s.id).toList();
                    return versions.list("schemeId in ?1 order by version", ids).map(all -> {
                        Map<UUID, List<JointUseSchemeVersion>> byScheme =
                                all.stream().collect(Collectors.groupingBy(v -> v.schemeId));
                        return found.stream()
                                .map(s -> new SchemeWithVersions(
                                        s, s.tenantId.equals(tenantId), byScheme.getOrDefault(s.id, List.of())))
                                .toList();
                    });
                });
    }

    @WithSession
    public Uni<SchemeWithVersions> get(UUID id) {
        String tenantId = tenant.tenantId();
        return schemes.findVisible(tenantId, tenant.group().orElse(null), id, today())
                .chain(scheme -> {
                    if (scheme == null) {
                        throw ProblemException.notFound("Joint-use scheme", id);
                    }
                    return versions.versionsOf(id)
                            .map(all -> new SchemeWithVersions(scheme, scheme.tenantId.equals(tenantId), all));
                });
    }

    private String callerGroup() {
        return tenant.group()
                .orElseThrow(() -> ProblemException.unprocessable(
                        "no-group",
                        "The caller belongs to no group",
                        "members",
                        "joint use is within a company group, and the token names none (Art. 27(5)(iii))"));
    }

    private void checkStillInGroup(String group) {
        if (!group.equals(tenant.group().orElse(null))) {
            throw ProblemException.forbidden("group-changed", "The caller is no longer in the scheme's group " + group);
        }
    }

    /**
     * Every member is another tenant of the responsible tenant's group, as that tenant's own tokens say
     * ({@link GroupDirectory}: never as the caller says); duplicates are dropped.
     */
    private static List<String> checkMembers(
            JointUseSchemeDraft draft, String tenantId, String group, List<String> known) {
        List<Problem.FieldError> outside = new ArrayList<>();
        for (int i = 0; i < draft.members().size(); i++) {
            String member = draft.members().get(i).strip();
            if (member.equals(tenantId)) {
                outside.add(new Problem.FieldError(
                        "members[" + i + "]",
                        "is the responsible tenant itself, a joint " + "user by definition; list the other companies"));
            } else if (!known.contains(member)) {
                outside.add(new Problem.FieldError(
                        "members[" + i + "]",
                        member + " is not a company of group " + group + " (as the identity provider says in " + member
                                + "'s own tokens)"));
            }
        }
        if (!outside.isEmpty()) {
            throw new ProblemException(
                    422,
                    "member-outside-group",
                    "A joint user is outside the group",
                    "joint use is among the companies of " + group + " (Art. 27(5)(iii)): "
                            + String.join(
                                    "; ",
                                    outside.stream()
                                            .map(e -> e.field() + " " + e.message())
                                            .toList()),
                    outside);
        }
        return List.copyOf(
                new LinkedHashSet<>(draft.members().stream().map(String::strip).toList()));
    }

    private static List<SchemeChange> changes(
            JointUseSchemeVersion previous, JointUseSchemeDraft draft, List<String> members) {
        List<String> items = strip(draft.dataItems());
        List<String> addedItems =
                items.stream().filter(i -> !previous.dataItems.contains(i)).toList();
        List<String> addedMembers =
                members.stream().filter(m -> !previous.members.contains(m)).toList();
        if (!addedItems.isEmpty() || !addedMembers.isEmpty()) {
            List<Problem.FieldError> widened = new ArrayList<>();
            if (!addedItems.isEmpty()) {
                widened.add(new Problem.FieldError("dataItems", "adds " + addedItems));
            }
            if (!addedMembers.isEmpty()) {
                widened.add(new Problem.FieldError("members", "adds " + addedMembers));
            }
            throw new ProblemException(
                    422,
                    "scheme-scope-widened",
                    "The scheme's items or joint users cannot be widened",
                    "the data items and the scope of joint users announced to principals are not widened by a "
                            + "change (Art. 27(6); PPC general guideline 3-6-3): obtain consent or start a new scheme",
                    widened);
        }
        List<SchemeChange> changes = new ArrayList<>();
        JointUseSchemeDraft.Responsible r = draft.responsible();
        boolean responsibleChanged = !r.name().strip().equals(previous.responsibleName)
                || !r.address().strip().equals(previous.responsibleAddress)
                || !r.representative().strip().equals(previous.responsibleRepresentative);
        boolean replaced = draft.responsibleReplaced() != null && draft.responsibleReplaced();
        if (replaced && !responsibleChanged) {
            throw ProblemException.unprocessable(
                    "nothing-replaced",
                    "The responsible person is the same",
                    "responsibleReplaced",
                    "the name, address and representative are those of version " + previous.version
                            + "; give the new responsible person's");
        }
        if (responsibleChanged) {
            // Art. 27(6): replacing the person is notified in advance, a change of its details without delay.
            changes.add(replaced ? SchemeChange.RESPONSIBLE_PERSON : SchemeChange.RESPONSIBLE_DETAILS);
        }
        if (!new HashSet<>(strip(draft.purposes())).equals(new HashSet<>(previous.purposes))) {
            changes.add(SchemeChange.PURPOSES);
        }
        if (items.size() < new HashSet<>(previous.dataItems).size() || members.size() < previous.members.size()) {
            changes.add(SchemeChange.SCOPE_NARROWED);
        }
        if (changes.isEmpty()) {
            throw ProblemException.unprocessable(
                    "no-change",
                    "The version changes nothing",
                    null,
                    "the content is the same as version " + previous.version);
        }
        return changes;
    }

    private static void checkEffectiveDate(JointUseSchemeVersion previous, JointUseSchemeDraft draft) {
        if (!draft.effectiveFrom().isAfter(previous.effectiveFrom)) {
            throw ProblemException.unprocessable(
                    "effective-date-not-after",
                    "A version takes effect after the one before",
                    "effectiveFrom",
                    "must be after " + previous.effectiveFrom + " (version " + previous.version + ")");
        }
    }

    /**
     * The notice the version's changes need, strictest first, and a refusal when its date is missing or too late:
     * the five items before joint use starts (Art. 27(5)(iii)); a change of purposes or of the responsible person
     * before it takes effect; a change of the responsible person's name, address or representative by the day it
     * takes effect (Art. 27(6)).
     */
    private static SchemeChange.Notice checkNotice(List<SchemeChange> changes, JointUseSchemeDraft draft) {
        List<SchemeChange> advance = changes.stream()
                .filter(c -> c.notice() == SchemeChange.Notice.ADVANCE)
                .toList();
        List<SchemeChange> byEffective = changes.stream()
                .filter(c -> c.notice() == SchemeChange.Notice.BY_EFFECTIVE_DATE)
                .toList();
        LocalDate notice = draft.noticeOn();
        if (!advance.isEmpty()) {
            if (notice == null || !notice.isBefore(draft.effectiveFrom())) {
                throw ProblemException.unprocessable(
                        "advance-notice-required",
                        "The change needs advance notice",
                        "noticeOn",
                        advance + (advance.size() == 1 ? " is" : " are") + " notified to principals, or "
                                + "made easily known, before taking effect (Art. 27(5)(iii), 27(6)): give a noticeOn "
                                + "before effectiveFrom " + draft.effectiveFrom());
            }
            return SchemeChange.Notice.ADVANCE;
        }
        if (!byEffective.isEmpty()) {
            if (notice == null || notice.isAfter(draft.effectiveFrom())) {
                throw ProblemException.unprocessable(
                        "notice-required",
                        "The change needs notice",
                        "noticeOn",
                        byEffective + " is notified to principals, or made easily known, without delay "
                                + "(Art. 27(6)): give a noticeOn on or before effectiveFrom " + draft.effectiveFrom());
            }
            return SchemeChange.Notice.BY_EFFECTIVE_DATE;
        }
        return SchemeChange.Notice.NONE;
    }

    private JointUseSchemeVersion version(
            JointUseScheme scheme,
            int number,
            JointUseSchemeDraft draft,
            List<String> members,
            List<SchemeChange> changes,
            SchemeChange.Notice notice,
            OffsetDateTime now) {
        JointUseSchemeVersion v = new JointUseSchemeVersion();
        v.id = UUID.randomUUID();
        v.schemeId = scheme.id;
        v.tenantId = scheme.tenantId;
        v.version = number;
        v.dataItems = strip(draft.dataItems());
        v.members = members;
        v.purposes = strip(draft.purposes());
        v.responsibleName = draft.responsible().name().strip();
        v.responsibleAddress = draft.responsible().address().strip();
        v.responsibleRepresentative = draft.responsible().representative().strip();
        v.effectiveFrom = draft.effectiveFrom();
        v.changes = changes;
        v.advanceNoticeRequired = notice == SchemeChange.Notice.ADVANCE;
        v.noticeRequired = notice != SchemeChange.Notice.NONE;
        v.noticeOn = draft.noticeOn();
        v.publishedAt = now;
        v.publishedBy = tenant.actorSubject();
        return v;
    }

    private static List<String> strip(List<String> values) {
        return List.copyOf(
                new LinkedHashSet<>(values.stream().map(String::strip).toList()));
    }

    private LocalDate today() {
        return JapanTime.today(clock);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
