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
    void the_same_parts_again_give_the_same_text_with_the_new_values() {
        String a = "INSERT INTO a (x) VALUES ($1)";
        String b = "INSERT INTO b (x, y) VALUES ($1, $2)";
        SqlStatement first = SqlStatement.together(
                List.of(SqlStatement.write(a, Tuple.of("a1")), SqlStatement.write(b, Tuple.of("b1", 1))));
        SqlStatement second = SqlStatement.together(
                List.of(SqlStatement.write(a, Tuple.of("a2")), SqlStatement.write(b, Tuple.of("b2", 2))));
        assertEquals(first.sql(), second.sql());
        assertEquals(
                List.of("a2", "b2", 2),
                List.of(
                        second.args().getValue(0),
                        second.args().getValue(1),
                        second.args().getValue(2)));
        // Another order of the same texts is another statement: the first part is the one that runs first.
        SqlStatement swapped = SqlStatement.together(
                List.of(SqlStatement.write(b, Tuple.of("b3", 3)), SqlStatement.write(a, Tuple.of("a3"))));
        assertEquals("WITH w1 AS (INSERT INTO a (x) VALUES ($3)) INSERT INTO b (x, y) VALUES ($1, $2)", swapped.sql());
    }

    @Test
    void parts_with_the_same_text_but_other_value_counts_are_numbered_by_their_own_counts() {
        // The joined text is remembered by texts AND counts: a later part's numbers start after the values before it.
        String a = "INSERT INTO a (x, y) VALUES ($1, $2)";
        String b = "INSERT INTO b (x) VALUES ($1)";
        SqlStatement two = SqlStatement.together(
                List.of(SqlStatement.write(a, Tuple.of("x", "y")), SqlStatement.write(b, Tuple.of("b"))));
        SqlStatement three = SqlStatement.together(
                List.of(SqlStatement.write(a, Tuple.of("x", "y", "z")), SqlStatement.write(b, Tuple.of("b"))));
        assertEquals("WITH w1 AS (INSERT INTO b (x) VALUES ($3)) INSERT INTO a (x, y) VALUES ($1, $2)", two.sql());
        assertEquals("WITH w1 AS (INSERT INTO b (x) VALUES ($4)) INSERT INTO a (x, y) VALUES ($1, $2)", three.sql());
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
