package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * A member tenant of one version of a joint-use scheme. The members of the version in force (or, before any is, of
 * the first) may read the scheme, so a version published ahead of its effective date changes no reader until then.
 */
@Entity
@IdClass(JointUseMember.Key.class)
@Table(name = "joint_use_member")
public class JointUseMember {

    @Id
    @Column(name = "scheme_id")
    public UUID schemeId;

    @Id
    @Column(name = "version")
    public int version;

    @Id
    @Column(name = "member_tenant_id")
    public String memberTenantId;

    public static JointUseMember of(UUID schemeId, int version, String memberTenantId) {
        JointUseMember member = new JointUseMember();
        member.schemeId = schemeId;
        member.version = version;
        member.memberTenantId = memberTenantId;
        return member;
    }

    public static class Key implements Serializable {
        public UUID schemeId;
        public int version;
        public String memberTenantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && Objects.equals(schemeId, k.schemeId)
                    && version == k.version
                    && Objects.equals(memberTenantId, k.memberTenantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schemeId, version, memberTenantId);
        }
    }
}
