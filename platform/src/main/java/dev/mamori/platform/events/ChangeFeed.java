package dev.mamori.platform.events;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Tells every replica of a service that data changed, through PostgreSQL LISTEN/NOTIFY on the service's own
 * database. {@link #publish} runs inside the writer's transaction, so the notice goes out exactly when the change
 * commits and never for a change that rolled back. Replicas that keep caches listen with {@link #listen}; while the
 * listening connection is down they must not trust their caches ({@link #connected}), and after it comes back
 * every listener's reset runs, since notices sent meanwhile are lost.
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();
    private final List<Runnable> resets = new CopyOnWriteArrayList<>();
    private volatile PgSubscriber subscriber;
    private volatile boolean connected;

    public ChangeFeed(Vertx vertx,
                      @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                      @ConfigProperty(name = "quarkus.datasource.username") String user,
                      @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
    }

    /**
     * Calls {@code handler} with each payload published on {@code channel} by any replica, and {@code reset}
     * whenever notices may have been missed (first subscription and every reconnection).
     */
    public synchronized void listen(String channel, Consumer<String> handler, Runnable reset) {
        resets.add(reset);
        boolean fresh = !handlers.containsKey(channel);
        handlers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(handler);
        if (subscriber == null) {
            start();
        } else if (fresh) {
            subscribe(channel);
        }
    }

    /** True while notices are being received; a cache must be bypassed otherwise. */
    public boolean connected() {
        return connected;
    }

    /** Sends {@code payload} to every listener of {@code channel} when the current transaction commits. */
    public Uni<Void> publish(String channel, String payload) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT pg_notify(:c, :p)")
                .setParameter("c", channel).setParameter("p", payload).getSingleResult()).replaceWithVoid();
    }

    private void start() {
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 500L);
        subscriber.closeHandler(v -> {
            connected = false;
            LOG.warn("Change feed connection lost; caches are bypassed until it is back");
        });
        handlers.keySet().forEach(this::subscribe);
        subscriber.connect().onSuccess(v -> LOG.debug("Change feed connected"))
                .onFailure(e -> LOG.warnf("Change feed cannot connect yet: %s", e.getMessage()));
    }

    private void subscribe(String channel) {
        subscriber.channel(channel)
                .subscribeHandler(v -> {
                    // Anything cached before this moment may have missed a notice.
                    resets.forEach(Runnable::run);
                    connected = true;
                })
                .handler(payload -> handlers.getOrDefault(channel, List.of()).forEach(h -> h.accept(payload)));
    }

    void stop(@Observes ShutdownEvent event) {
        PgSubscriber s = subscriber;
        if (s != null) {
            s.close();
        }
    }
}
