package dev.mamori.platform.paging;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list. {@code next} is the cursor (or offset) to pass for the following page, absent on the last
 * page. No list in the suite returns more than {@link #MAX_LIMIT} items at once.
 */
@Schema(name = "Page")
public record Page<T>(List<T> items, int limit,
                      @Schema(description = "Cursor for the next page; absent on the last page") String next) {

    public static final int MAX_LIMIT = 500;
}
