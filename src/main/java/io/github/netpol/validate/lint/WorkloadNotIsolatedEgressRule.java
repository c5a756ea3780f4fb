package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Severity;

/** A workload open for egress; info by default since egress isolation is less common. */
public final class WorkloadNotIsolatedEgressRule extends WorkloadNotIsolatedRule {

    public WorkloadNotIsolatedEgressRule() {
        super(Direction.EGRESS, Severity.INFO, isolated("[Ingress]"), isolated("[Egress]"));
    }
}
