package dev.mamori.platform.paging;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code next} is the cursor (or offset) to pass for the following page, absent on the last
 * page. No list in the suite returns more than {@link #MAX_LIMIT} items at once.
 *
 * <p>A page that came back full may have more behind it, so it names the next one; a shorter page is the last. (A
 * list of exactly {@code limit} items therefore ends with one empty page: the price of not counting.)
 */
@Schema(name = "Page")
public record Page<T>(
        List<T> items,
        int limit,

        @Schema(description = "Cursor for the next page; absent on the last page")
        String next) {

    public static final int MAX_LIMIT = 500;

    /** A page of a list read from {@code offset}: the next page starts at {@code offset + limit}. */
    public static <T> Page<T> of(List<T> items, int offset, int limit) {
        return new Page<>(items, limit, items.size() >= limit ? Long.toString((long) offset + limit) : null);
    }

    /** A page of a list read after a cursor: the next page starts after the last item's {@code cursor}. */
    public static <T> Page<T> after(List<T> items, int limit, Function<? super T, ?> cursor) {
        return new Page<>(
                items,
                limit,
                items.size() >= limit && !items.isEmpty()
                        ? String.valueOf(cursor.apply(items.get(items.size() - 1)))
                        : null);
    }
}
