package io.github.netpol.validate.lint;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Severity;

/** A workload open for ingress. */
public final class WorkloadNotIsolatedIngressRule extends WorkloadNotIsolatedRule {

    public WorkloadNotIsolatedIngressRule() {
        super(Direction.INGRESS, Severity.WARNING, isolated("[Egress]"), isolated("[Ingress]"));
    }
}
