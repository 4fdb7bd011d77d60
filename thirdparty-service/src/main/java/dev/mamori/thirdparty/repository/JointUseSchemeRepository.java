package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.JointUseMember;
import dev.mamori.thirdparty.JointUseScheme;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Joint-use schemes. This is the one place a tenant reads another tenant's rows: a scheme that lists it as a member
 * of the version in force on the day (of the first version while none is yet), created within the reader's own
 * group, read-only. A version published ahead of its effective date changes no reader before that day.
 */
@ApplicationScoped
public class JointUseSchemeRepository implements PanacheRepositoryBase<JointUseScheme, UUID> {

    private static final String VISIBLE = "(tenantId = ?1 or (groupId = ?2 and id in "
            + "(select m.schemeId from JointUseMember m where m.memberTenantId = ?1 and m.version = coalesce("
            + "(select max(v.version) from JointUseSchemeVersion v where v.schemeId = m.schemeId and v.effectiveFrom <= ?3),"
            + " 1))))";

    /** A scheme the tenant manages. */
    public Uni<JointUseScheme> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A scheme the tenant manages or, within its group, belongs to on the day {@code on} (in Japan). */
    public Uni<JointUseScheme> findVisible(String tenantId, String groupId, UUID id, LocalDate on) {
        return find(VISIBLE + " and id = ?4", tenantId, groupId == null ? "" : groupId, on, id)
                .firstResult();
    }

    public Uni<List<JointUseScheme>> listVisible(String tenantId, String groupId, LocalDate on, int offset, int limit) {
        return find(VISIBLE, Sort.by("createdAt").and("id"), tenantId, groupId == null ? "" : groupId, on)
                .range(offset, offset + limit - 1)
                .list();
    }

    /** Records the members of one version; the readers switch to them only once that version is in force. */
    public Uni<Void> addMembers(UUID schemeId, int version, List<String> members) {
        return Panache.getSession().chain(s -> s.persistAll(members.stream()
                        .map(m -> JointUseMember.of(schemeId, version, m))
                        .toArray())
                .chain(s::flush));
    }
}
