package dev.mamori.thirdparty.service;

import dev.mamori.platform.problem.Problem;
import dev.mamori.platform.problem.ProblemException;
import java.util.List;

/**
 * A provision that breaks at least one rule: every failing rule in {@code errors} (field = rule code) and, for each
 * principal that fails a rule of its own, the list for that principal. Nothing is recorded.
 */
public class ProvisionRefused extends ProblemException {

    private final transient ProvisionEvaluation evaluation;

    public ProvisionRefused(ProvisionEvaluation evaluation) {
        super(422, "provision-refused", "The provision is refused",
                String.join("; ", evaluation.errors().stream().map(e -> e.field() + ": " + e.message()).toList()),
                evaluation.errors());
        this.evaluation = evaluation;
    }

    public ProvisionEvaluation evaluation() {
        return evaluation;
    }

    /** The refusal as problem+json, with the per-principal list. */
    public record Body(String type, String title, int status, String detail, String instance,
                       List<Problem.FieldError> errors, List<ProvisionEvaluation.SubjectFailures> subjects) {
    }

    public Body body(String instance) {
        Problem p = toProblem(instance);
        return new Body(p.type(), p.title(), p.status(), p.detail(), p.instance(), p.errors(), evaluation.subjects());
    }
}
