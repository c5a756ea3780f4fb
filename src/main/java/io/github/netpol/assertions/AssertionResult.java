package io.github.netpol.assertions;

import io.github.netpol.finding.Witness;

/**
 * The verdict on one assertion.
 *
 * @param counterexample for a failure with one: a described connection that breaks the expectation
 * @param message        for a failure: what was expected, the counterexample and the deciding policies
 */
public record AssertionResult(Assertion assertion, boolean passed, Witness counterexample, String message) {

    static AssertionResult pass(Assertion a) {
        return new AssertionResult(a, true, null, "passed");
    }

    static AssertionResult fail(Assertion a, Witness counterexample, String message) {
        return new AssertionResult(a, false, counterexample, message);
    }
}
