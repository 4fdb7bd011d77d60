package dev.mamori.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vertx.mutiny.sqlclient.Tuple;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlStatementTest {

    @Test
    void parts_become_one_statement_with_the_first_as_main_and_the_parameters_renumbered() {
        SqlStatement one = SqlStatement.together(List.of(
                SqlStatement.write("INSERT INTO a (x, y) VALUES ($1, $2)", Tuple.of("k", 1)),
                SqlStatement.write("INSERT INTO b (x) VALUES ($1)", Tuple.of("b")),
                SqlStatement.write(
                        "INSERT INTO c (x, y) SELECT * FROM unnest(CAST($1 AS text[]), CAST($2 AS text[]))",
                        Tuple.of(new String[] {"c1"}, new String[] {"c2"}))));
        assertEquals(
                "WITH w1 AS (INSERT INTO b (x) VALUES ($3)), "
                        + "w2 AS (INSERT INTO c (x, y) SELECT * FROM unnest(CAST($4 AS text[]), CAST($5 AS text[]))) "
                        + "INSERT INTO a (x, y) VALUES ($1, $2)",
                one.sql());
        assertEquals(5, one.args().size());
        assertEquals("k", one.args().getValue(0));
        assertEquals(1, one.args().getValue(1));
        assertEquals("b", one.args().getValue(2));
        assertEquals("c2", ((String[]) one.args().getValue(4))[0]);
    }

    @Test
    void a_single_part_is_sent_as_it_is() {
        SqlStatement only = SqlStatement.write("UPDATE a SET x = $1", Tuple.of("v"));
        assertEquals(only, SqlStatement.together(List.of(only)));
    }

    @Test
    void a_select_cannot_be_part_of_a_write_because_postgresql_would_never_run_it() {
        assertThrows(
                IllegalArgumentException.class, () -> SqlStatement.write("SELECT check_something($1)", Tuple.of(1)));
        assertThrows(IllegalArgumentException.class, () -> SqlStatement.together(List.of()));
    }
}
