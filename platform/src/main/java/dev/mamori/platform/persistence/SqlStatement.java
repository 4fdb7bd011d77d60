package dev.mamori.platform.persistence;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /**
     * The text made of each sequence of parts seen, by the parts' texts and value counts: a service sends the same
     * few sequences again and again, and renumbering and joining them was 5 % of a one-by-one write's CPU (JFR,
     * BENCHMARKS.md). A sequence is a list of constant texts, so the map stays as small as the kinds of write; past
     * {@link #MAX_JOINED} sequences (a caller building texts on the fly) the text is joined anew each time.
     */
    private static final Map<List<Object>, String> JOINED = new ConcurrentHashMap<>();

    private static final int MAX_JOINED = 512;

    /** The statements as one (see the class); a single statement as it is. */
    public static SqlStatement together(List<SqlStatement> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("nothing to write");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        List<Object> shape = new ArrayList<>(parts.size() * 2);
        Tuple args = Tuple.tuple();
        for (SqlStatement part : parts) {
            shape.add(part.sql);
            shape.add(part.args.size());
            for (int a = 0; a < part.args.size(); a++) {
                args.addValue(part.args.getValue(a));
            }
        }
        String sql = JOINED.get(shape);
        if (sql == null) {
            sql = join(parts);
            if (JOINED.size() < MAX_JOINED) {
                JOINED.putIfAbsent(shape, sql);
            }
        }
        return new SqlStatement(sql, args);
    }

    /** The first part as the main statement, the others as its {@code WITH} queries, their parameters renumbered. */
    private static String join(List<SqlStatement> parts) {
        StringBuilder with = new StringBuilder("WITH ");
        String main = null;
        int offset = 0;
        for (int i = 0; i < parts.size(); i++) {
            SqlStatement part = parts.get(i);
            String renumbered = renumber(part.sql, offset);
            offset += part.args.size();
            if (i == 0) {
                main = renumbered;
            } else {
                with.append(i > 1 ? ", " : "")
                        .append(String.format(Locale.ROOT, "w%d AS (", i))
                        .append(renumbered)
                        .append(')');
            }
        }
        return with.append(' ').append(main).toString();
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
