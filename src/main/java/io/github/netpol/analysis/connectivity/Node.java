package io.github.netpol.analysis.connectivity;

import io.github.netpol.analysis.IpAddresses;
import io.github.netpol.model.WorkloadManifest;

import java.math.BigInteger;

/** One end of a listed connection: a declared workload or a range of external addresses. */
public sealed interface Node permits Node.Workload, Node.External {

    /** The name in text reports: {@code ns/name[Kind]} or {@code a.b.c.d-e.f.g.h[External]}. */
    String text();

    /** The id in JSON: {@code ns/Kind/name} or {@code a.b.c.d-e.f.g.h}. */
    String id();

    record Workload(WorkloadManifest workload) implements Node {
        @Override
        public String text() {
            return workload.namespace() + "/" + workload.name() + "[" + workload.kind() + "]";
        }

        @Override
        public String id() {
            return workload.id();
        }
    }

    /** An inclusive address range in the combined space of {@link IpAddresses}. */
    record External(BigInteger first, BigInteger last) implements Node {
        @Override
        public String text() {
            return id() + "[External]";
        }

        @Override
        public String id() {
            return IpAddresses.format(first) + "-" + IpAddresses.format(last);
        }
    }
}
