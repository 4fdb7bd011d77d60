package dev.mamori.retention.support;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import java.util.List;

/**
 * A batch refused as a whole because some rows are wrong; nothing of it is written. {@link RowsProblemMapper}
 * answers it with every row error listed by index. Should it ever reach the platform's mapper instead, it still
 * reads as a validation problem whose fields name the rows ({@code holdings[3].collectedAt}).
 */
public class RowsRejectedException extends ProblemException {

    /** The most row errors one answer lists; the count says how many there were in all. */
    public static final int MAX_LISTED = 1000;

    private final int rowCount;
    private final List<RowError> rowErrors;
    private final int errorCount;

    public RowsRejectedException(String listName, int rowCount, List<RowError> errors) {
        super(422, "batch-rejected", "Batch refused",
                errors.stream().map(RowError::index).distinct().count() + " of " + rowCount
                        + " rows are not valid; nothing was written",
                errors.stream().sorted().limit(MAX_LISTED)
                        .map(e -> new Problem.FieldError(listName + "[" + e.index() + "]"
                                + (e.field() == null ? "" : "." + e.field()), e.message()))
                        .toList());
        this.rowCount = rowCount;
        this.errorCount = errors.size();
        this.rowErrors = errors.stream().sorted().limit(MAX_LISTED).toList();
    }

    public int rowCount() {
        return rowCount;
    }

    public int errorCount() {
        return errorCount;
    }

    public List<RowError> rowErrors() {
        return rowErrors;
    }
}
