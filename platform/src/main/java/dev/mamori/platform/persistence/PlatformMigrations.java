package dev.mamori.platform.persistence;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.jboss.logging.Logger;

/**
 * The platform's migrations ({@code db/common}, the tables every service has: audit log, idempotency keys) keep a
 * Flyway history of their own, {@value #HISTORY}, beside the service's ({@code flyway_schema_history}, the service's
 * {@code db/migration}). Each history only ever grows in version order, so a new platform migration (the next
 * {@code V0_n}) applies to a database whose service is at V9 without Flyway's out-of-order mode, and the services'
 * numbering never has to leave room for the platform's.
 * <p>
 * It runs where the service's own Flyway migrates, just before it: at start with {@code quarkus.flyway.migrate-at-start},
 * in the Kubernetes migration Job. Quarkus also builds the service's Flyway (and so calls this customizer) at start
 * where Flyway is inactive, in a pod with {@code QUARKUS_FLYWAY_ACTIVE=false}: there it only separates the two sets
 * of migrations and touches no database, so a pod's start neither opens a JDBC connection nor runs Flyway.
 * <ol>
 * <li>A database migrated before this scheme has the platform's versions (0.x) in the service's history: they are
 * moved, checksums and all, into the platform's history, once, under an advisory lock.</li>
 * <li>The platform's migrations run in their own history (Flyway's lock on it makes several replicas safe).</li>
 * <li>The service's Flyway is left its own migrations only. On a new database the platform's tables exist before the
 * service's history does, so that history starts with a baseline at version 0, below every migration.</li>
 * </ol>
 * Both histories are on the service's database and the same connection pool; the platform's migrations never
 * depend on a service's tables, and a service's migrations may depend on the platform's (they run second).
 */
@ApplicationScoped
public class PlatformMigrations implements FlywayConfigurationCustomizer {

    /** The platform's own Flyway history table. */
    public static final String HISTORY = "platform_schema_history";
    /** Where the platform's migrations are: a location of the service's Flyway too, so Quarkus finds them at build. */
    public static final String LOCATION = "db/common";

    private static final Logger LOG = Logger.getLogger(PlatformMigrations.class);

    /** Whether this process migrates: Flyway active (not a pod's QUARKUS_FLYWAY_ACTIVE=false) and migrating at start. */
    private final boolean migrates;

    public PlatformMigrations(
            @ConfigProperty(name = "quarkus.flyway.active") Optional<Boolean> active,
            @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false") boolean migrateAtStart) {
        this.migrates = active.orElse(true) && migrateAtStart;
    }

    @Override
    public void customize(FluentConfiguration service) {
        if (migrates) {
            prepare(service);
        } else {
            separate(service);
        }
    }

    /**
     * Migrates the platform's history on the service's database and leaves {@code service} configured for the
     * service's own migrations only. Callable without Quarkus (tests hand it a plain Flyway configuration).
     */
    public static void prepare(FluentConfiguration service) {
        DataSource dataSource = service.getDataSource();
        String serviceHistory = service.getTable();
        FluentConfiguration platform = separate(service);
        moveOldPlatformRows(dataSource, serviceHistory);
        platform.load().migrate();
        if (!exists(dataSource, serviceHistory)) {
            // A new database: the platform's tables already make it non-empty, which Flyway takes for a database it
            // did not create unless told where to begin. Version 0 skips none of the service's migrations.
            service.baselineOnMigrate(true)
                    .baselineVersion("0")
                    .baselineDescription("platform tables first (" + HISTORY + ")");
        }
    }

    /**
     * Leaves {@code service} with the service's own migrations only and answers the platform's Flyway configuration,
     * without touching the database.
     */
    static FluentConfiguration separate(FluentConfiguration service) {
        FluentConfiguration platform = Flyway.configure(service.getClassLoader())
                .dataSource(service.getDataSource())
                .table(HISTORY)
                .locations(LOCATION)
                .outOfOrder(false)
                .cleanDisabled(true)
                .validateMigrationNaming(true);
        ResourceProvider given = service.getResourceProvider();
        if (given != null) {
            // Quarkus lists the migrations it found at build time, for every location: each Flyway gets its own.
            platform.resourceProvider(only(given, true))
                    .javaMigrationClassProvider(service.getJavaMigrationClassProvider());
            service.resourceProvider(only(given, false));
        }
        service.locations(Arrays.stream(service.getLocations())
                .filter(l -> !isPlatform(l.getPath() + "/"))
                .toArray(Location[]::new));
        return platform;
    }

    /**
     * Until this scheme, the platform's migrations (versions 0.x) ran in the service's history, with out-of-order
     * allowed. Their rows move to the platform's history with their checksums, so Flyway validates them there as
     * applied, and the service's history no longer names scripts its Flyway does not see.
     */
    static void moveOldPlatformRows(DataSource dataSource, String serviceHistory) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                // Replicas starting at once: one moves, the others find the platform's history there afterwards.
                s.execute("SELECT pg_advisory_xact_lock(hashtext('mamori:" + HISTORY + "'))");
                if (exists(c, HISTORY) || !exists(c, serviceHistory)) {
                    c.rollback();
                    return;
                }
                String service = quote(serviceHistory);
                String platform = quote(HISTORY);
                s.execute("CREATE TABLE " + platform + " (LIKE " + service + " INCLUDING ALL)");
                int moved = s.executeUpdate("INSERT INTO " + platform + " (installed_rank, version, description, type, "
                        + "script, checksum, installed_by, installed_on, execution_time, success) "
                        + "SELECT row_number() OVER (ORDER BY installed_rank), version, description, type, script, "
                        + "checksum, installed_by, installed_on, execution_time, success FROM " + service
                        + " WHERE version ~ '^0\\.' ORDER BY installed_rank");
                if (moved == 0) {
                    // Nothing of the platform's there (not a Mamori database?): leave it to Flyway to judge.
                    c.rollback();
                    return;
                }
                s.executeUpdate("DELETE FROM " + service + " WHERE version ~ '^0\\.'");
                c.commit();
                LOG.infof(
                        "Platform migrations: moved %d applied versions from %s into %s",
                        moved, serviceHistory, HISTORY);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new FlywayException("Cannot move the platform's migrations into " + HISTORY, e);
        }
    }

    private static boolean exists(DataSource dataSource, String table) {
        try (Connection c = dataSource.getConnection()) {
            return exists(c, table);
        } catch (SQLException e) {
            throw new FlywayException("Cannot look for " + table, e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            p.setString(1, quote(table));
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private static boolean isPlatform(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.startsWith(LOCATION + "/");
    }

    /** The platform's resources ({@code platform} true) or the service's, out of those Quarkus found. */
    private static ResourceProvider only(ResourceProvider all, boolean platform) {
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                LoadableResource r = all.getResource(name);
                return r != null && isPlatform(r.getAbsolutePath()) == platform ? r : null;
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
                List<LoadableResource> found = all.getResources(prefix, suffixes).stream()
                        .filter(r -> isPlatform(r.getAbsolutePath()) == platform)
                        .toList();
                return found;
            }
        };
    }
}
