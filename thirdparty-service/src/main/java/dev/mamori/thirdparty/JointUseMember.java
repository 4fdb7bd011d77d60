package dev.mamori.thirdparty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/** A member tenant of a joint-use scheme's newest version: the tenants that may read the scheme. */
@Entity
@IdClass(JointUseMember.Key.class)
@Table(name = "joint_use_member")
public class JointUseMember {

    @Id
    @Column(name = "scheme_id")
    public UUID schemeId;

    @Id
    @Column(name = "member_tenant_id")
    public String memberTenantId;

    public static JointUseMember of(UUID schemeId, String memberTenantId) {
        JointUseMember member = new JointUseMember();
        member.schemeId = schemeId;
        member.memberTenantId = memberTenantId;
        return member;
    }

    public static class Key implements Serializable {
        public UUID schemeId;
        public String memberTenantId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(schemeId, k.schemeId)
                    && Objects.equals(memberTenantId, k.memberTenantId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(schemeId, memberTenantId);
        }
    }
}
