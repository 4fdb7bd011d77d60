package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.ProblemException;
import java.util.Map;

/**
 * A provision that breaks at least one rule: every failing rule in {@code errors} (field = rule code) and, for each
 * principal that fails a rule of its own, the list for that principal. Nothing is recorded.
 */
public class ProvisionRefused extends ProblemException {

    private final transient ProvisionEvaluation evaluation;

    public ProvisionRefused(ProvisionEvaluation evaluation) {
        super(
                422,
                "provision-refused",
                "The provision is refused",
                String.join(
                        "; ",
                        evaluation.errors().stream()
                                .map(e -> e.field() + ": " + e.message())
                                .toList()),
                evaluation.errors());
        this.evaluation = evaluation;
    }

    public ProvisionEvaluation evaluation() {
        return evaluation;
    }

    /** The per-principal failures travel as the problem's {@code subjects} member. */
    @Override
    public Map<String, Object> extensions() {
        return Map.of("subjects", evaluation.subjects());
    }
}
