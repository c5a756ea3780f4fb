package io.github.netpol.assertions;

import io.github.netpol.finding.SourcePosition;

/**
 * One entry of an assertion file.
 *
 * @param name     what the test case is called (unique over every file)
 * @param location where the entry starts
 */
public record Assertion(String name, EndpointSpec from, EndpointSpec to, PortSpec ports, Expectation expect,
                        Scope scope, SourcePosition location) {

    /** {@code allowed}: every described connection is allowed; {@code denied}: none is. */
    public enum Expectation {
        ALLOWED, DENIED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** {@code universal}: every pod the description covers; {@code declared}: only declared workloads. */
    public enum Scope { UNIVERSAL, DECLARED }

    /** {@code from -> to on ports}, for messages. */
    public String describe() {
        return from.describe() + " -> " + to.describe() + " on " + ports.describe();
    }
}
