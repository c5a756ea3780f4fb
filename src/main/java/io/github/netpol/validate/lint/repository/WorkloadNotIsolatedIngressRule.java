package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;

/** A workload open for ingress. */
public final class WorkloadNotIsolatedIngressRule extends WorkloadNotIsolatedRule {

    public WorkloadNotIsolatedIngressRule() {
        super(FindingCode.WORKLOAD_NOT_ISOLATED_INGRESS, Direction.INGRESS, isolated("[Egress]"), isolated("[Ingress]"));
    }
}
