package dev.mamori.request.service;

import dev.mamori.platform.audit.AuditLog;
import dev.mamori.request.IdentityDocumentCopy;
import dev.mamori.request.repository.DataSubjectRequestRepository;
import dev.mamori.request.repository.IdentityDocumentCopyRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jboss.logging.Logger;

/**
 * Deletes copies of identity documents once their short retention ends (Art. 22: a copy is needed only until the
 * requester is verified), each with a line in the audit log (Art. 23: deletion is recorded). The request keeps only the fact: method, document types, who
 * verified and when.
 */
@ApplicationScoped
public class IdentityCopyPurger {

    private static final Logger LOG = Logger.getLogger(IdentityCopyPurger.class);
    private static final int BATCH = 200;

    private final IdentityDocumentCopyRepository copies;
    private final DataSubjectRequestRepository requests;
    private final AuditLog audit;
    private final Clock clock;

    public IdentityCopyPurger(
            IdentityDocumentCopyRepository copies, DataSubjectRequestRepository requests, AuditLog audit, Clock clock) {
        this.copies = copies;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(
            every = "${mamori.request.identity.purge-interval:1h}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return purge().onFailure()
                .invoke(e -> LOG.warnf("Identity copy purge failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Deletes up to one batch of expired copies; answers how many. */
    public Uni<Integer> purge() {
        return Panache.withTransaction(
                () -> copies.expired(OffsetDateTime.now(clock), BATCH).chain(expired -> Multi.createFrom()
                        .iterable(expired)
                        .onItem()
                        .transformToUniAndConcatenate(this::delete)
                        .collect()
                        .asList()
                        .map(deleted -> deleted.size())));
    }

    private Uni<Void> delete(IdentityDocumentCopy copy) {
        return requests.findById(copy.requestId)
                .call(r -> audit.record(
                        copy.tenantId,
                        Actor.SYSTEM.subject(),
                        Actor.SYSTEM.client(),
                        "IDENTITY_COPY_DELETED",
                        "identity-document-copy",
                        copy.id,
                        r == null ? null : r.subjectRef,
                        "SUCCESS"))
                .chain(r -> copies.delete(copy))
                .replaceWithVoid();
    }
}
