package dev.mamori.incident.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Staff notices: rows of the platform outbox's shape (table staff_notice), queued in the transaction of the change
 * that makes them necessary. Each (tenant, incident, kind) once: queuing it again changes nothing.
 */
@ApplicationScoped
public class StaffNoticeRepository {

    public static final String QUEUED = "QUEUED";

    /** Queues a notice unless the same one is queued already; answers whether it was queued now. */
    public Uni<Boolean> queue(String tenantId, UUID incidentId, String kind, LocalDate dueOn, String message) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "INSERT INTO staff_notice (id, tenant_id, incident_id, kind, due_on, message, status, "
                                + "next_attempt_at, created_at) VALUES (:id, :tenant, :incident, :kind, :due, "
                                + ":message, :status, now(), now()) ON CONFLICT DO NOTHING")
                .setParameter("id", UUID.randomUUID())
                .setParameter("tenant", tenantId)
                .setParameter("incident", incidentId)
                .setParameter("kind", kind)
                .setParameter("due", dueOn)
                .setParameter("message", message)
                .setParameter("status", QUEUED)
                .executeUpdate()
                .map(n -> n == 1));
    }
}
