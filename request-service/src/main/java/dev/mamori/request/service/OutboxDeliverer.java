package dev.mamori.request.service;

import dev.mamori.platform.outbox.Outbox;
import dev.mamori.request.FulfilmentTask;
import dev.mamori.request.client.Delivery;
import dev.mamori.request.client.Envelope;
import dev.mamori.request.client.TargetServices;
import dev.mamori.request.repository.FulfilmentTaskRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Delivers the outbox. Each run claims due tasks through the platform's outbox (SKIP LOCKED + lease, so replicas
 * share the work without sending a row twice), commits the claim, sends the claimed tasks in parallel (a disclosure reads the three services at
 * once), then records each answer in its own transaction. It runs on a schedule and is also started right after a
 * decision commits, so an approval does not wait for the next tick.
 */
@ApplicationScoped
public class OutboxDeliverer {

    private static final Logger LOG = Logger.getLogger(OutboxDeliverer.class);

    private final FulfilmentTaskRepository tasks;
    private final FulfilmentService fulfilment;
    private final RequestJournal journal;
    private final TargetServices targets;
    private final Vertx vertx;

    public OutboxDeliverer(
            FulfilmentTaskRepository tasks,
            FulfilmentService fulfilment,
            RequestJournal journal,
            TargetServices targets,
            Vertx vertx) {
        this.tasks = tasks;
        this.fulfilment = fulfilment;
        this.journal = journal;
        this.targets = targets;
        this.vertx = vertx;
    }

    @Scheduled(
            every = "${mamori.request.outbox.interval:1s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> onSchedule() {
        return deliverOnce()
                .onFailure()
                .invoke(e -> LOG.warnf("Outbox run failed: %s", e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** Starts a run now, on a fresh context, without waiting for it. */
    public void kick() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(
                v -> deliverOnce().subscribe().with(n -> {}, e -> LOG.warnf("Outbox run failed: %s", e.toString())));
    }

    /** One run: answers how many tasks it sent. */
    public Uni<Integer> deliverOnce() {
        Outbox outbox = tasks.outbox();
        return Panache.withTransaction(() -> outbox.claim()
                        .chain(claim -> claim.isEmpty()
                                ? Uni.createFrom().item(new Claimed(claim, List.of()))
                                : tasks.byIds(claim.ids()).map(list -> new Claimed(claim, list))))
                .chain(claimed -> {
                    if (claimed.tasks().isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    UUID lease = claimed.claim().lease();
                    List<Uni<Sent>> sends =
                            claimed.tasks().stream().map(this::send).toList();
                    return Uni.join().all(sends).andFailFast().chain(sent -> Multi.createFrom()
                            .iterable(sent)
                            .onItem()
                            .transformToUniAndConcatenate(s -> Panache.withTransaction(
                                            () -> fulfilment.recordOutcome(s.task(), lease, s.delivery()))
                                    .onFailure()
                                    .invoke(e -> LOG.warnf("Recording task %s failed: %s", s.task().id, e.toString()))
                                    .onFailure()
                                    .recoverWithNull())
                            .collect()
                            .asList()
                            .map(done -> sent.size()));
                });
    }

    /** A claim and its tasks, loaded in the claim's transaction. */
    private record Claimed(Outbox.Claim claim, List<FulfilmentTask> tasks) {}

    private record Sent(FulfilmentTask task, Delivery delivery) {}

    private Uni<Sent> send(FulfilmentTask t) {
        Uni<Delivery> delivery;
        try {
            Envelope envelope = journal.envelope(t);
            delivery = targets.send(t.tenantId, t.action, t.idempotencyKey, envelope);
        } catch (RuntimeException e) {
            delivery = Uni.createFrom().item(Delivery.failed(null, "cannot prepare the call: " + e.getMessage()));
        }
        return delivery.onFailure()
                .recoverWithItem(e -> Delivery.failed(null, e.toString()))
                .map(d -> new Sent(t, d));
    }
}
