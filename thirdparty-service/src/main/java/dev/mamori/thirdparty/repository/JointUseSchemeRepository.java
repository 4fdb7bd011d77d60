package dev.mamori.thirdparty.repository;

import dev.mamori.thirdparty.JointUseMember;
import dev.mamori.thirdparty.JointUseScheme;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Joint-use schemes. This is the one place a tenant reads another tenant's rows: a scheme that lists it as a member
 * of its latest version, created within the reader's own group, read-only.
 */
@ApplicationScoped
public class JointUseSchemeRepository implements PanacheRepositoryBase<JointUseScheme, UUID> {

    private static final String VISIBLE = "(tenantId = ?1 or (groupId = ?2 and id in "
            + "(select m.schemeId from JointUseMember m where m.memberTenantId = ?1)))";

    /** A scheme the tenant manages. */
    public Uni<JointUseScheme> findOwned(String tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A scheme the tenant manages or, within its group, belongs to. */
    public Uni<JointUseScheme> findVisible(String tenantId, String groupId, UUID id) {
        return find(VISIBLE + " and id = ?3", tenantId, groupId == null ? "" : groupId, id).firstResult();
    }

    public Uni<List<JointUseScheme>> listVisible(String tenantId, String groupId, int offset, int limit) {
        return find(VISIBLE, Sort.by("createdAt").and("id"), tenantId, groupId == null ? "" : groupId)
                .range(offset, offset + limit - 1).list();
    }

    /** Replaces the readers of a scheme with the members of its newest version. */
    public Uni<Void> replaceMembers(UUID schemeId, List<String> members) {
        return Panache.getSession().chain(s -> s
                .createMutationQuery("delete from JointUseMember where schemeId = :s")
                .setParameter("s", schemeId).executeUpdate()
                .chain(() -> s.persistAll(members.stream().map(m -> JointUseMember.of(schemeId, m)).toArray()))
                .chain(s::flush));
    }
}
