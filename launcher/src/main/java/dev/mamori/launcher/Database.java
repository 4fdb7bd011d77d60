package dev.mamori.launcher;

/**
 * Where the services' PostgreSQL is: the embedded one the suite started, or the one named by DB_HOST.
 *
 * @param embedded true if the suite started it (and stops it)
 */
public record Database(String host, int port, String user, String password, boolean embedded) {

    /** jdbc:postgresql://host:port/database (user and password not included). */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    @Override
    public String toString() {
        return host + ":" + port + " (user " + user + (embedded ? ", embedded" : ", external") + ")";
    }
}
