package dev.mamori.platform.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.Map;

/**
 * Runs the outbox's statements in the caller's transaction: each is one statement with named parameters
 * ({@code :name}) that answers rows ({@code RETURNING …}). In the services that is the current Hibernate Reactive
 * session ({@link #panache()}), so a claim or an outcome commits or rolls back with the caller's own writes.
 */
@FunctionalInterface
public interface OutboxSql {

    Uni<List<Object[]>> rows(String sql, Map<String, Object> parameters);

    /** The current Panache session: call inside {@code Panache.withTransaction} or {@code @WithTransaction}. */
    static OutboxSql panache() {
        return (sql, parameters) -> Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql, Object[].class);
            parameters.forEach(query::setParameter);
            return query.getResultList();
        });
    }
}
