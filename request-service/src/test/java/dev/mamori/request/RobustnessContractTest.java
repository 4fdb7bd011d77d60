package dev.mamori.request;

import dev.mamori.testing.RobustnessContract;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * No input a caller can send gets a 5xx, and every refusal is problem+json: every operation of the OpenAPI document,
 * called validly and then with each input broken in turn (see {@link RobustnessContract}).
 */
@QuarkusTest
class RobustnessContractTest {

    @Test
    void noInputGetsAServerErrorAndEveryRefusalIsAProblem() {
        RobustnessContract.verify(31);
    }
}
