package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import java.util.List;
import java.util.Map;

/**
 * A receipt record that fails at least one check: every failure in {@code errors} (field = the request field to
 * correct) and the same failures, in the same order, as stable rule codes in {@code rules}. Nothing is recorded.
 */
public class ReceiptRefused extends ProblemException {

    /** One failing check: its rule and the field it concerns. */
    public record Failure(ReceiptRule rule, String field, String message) {}

    private final transient List<Failure> failures;

    public ReceiptRefused(List<Failure> failures) {
        super(
                422,
                "receipt-refused",
                "The receipt record is refused",
                String.join(
                        "; ",
                        failures.stream()
                                .map(f -> f.rule() + " " + f.field() + ": " + f.message())
                                .toList()),
                failures.stream()
                        .map(f -> new Problem.FieldError(f.field(), f.message()))
                        .toList());
        this.failures = List.copyOf(failures);
    }

    public List<Failure> failures() {
        return failures;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("rules", failures.stream().map(f -> f.rule().name()).toList());
    }
}
