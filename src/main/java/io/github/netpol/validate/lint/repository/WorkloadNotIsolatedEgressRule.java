package io.github.netpol.validate.lint.repository;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.FindingCode;

/** A workload open for egress; info by default since egress isolation is less common. */
public final class WorkloadNotIsolatedEgressRule extends WorkloadNotIsolatedRule {

    public WorkloadNotIsolatedEgressRule() {
        super(FindingCode.WORKLOAD_NOT_ISOLATED_EGRESS, Direction.EGRESS, isolated("[Ingress]"), isolated("[Egress]"));
    }
}
