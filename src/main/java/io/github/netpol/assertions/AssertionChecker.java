package io.github.netpol.assertions;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.finding.Witness;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.WorkloadManifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves or refutes assertions against one version of the sources. Universal scope works on the
 * symbolic analysis over every pod the description covers; declared scope checks each pair of
 * matching declared workloads (or a workload and the addresses) in a closed world where every
 * workload's namespace has exactly its declared labels (only its name label when undeclared), as
 * the workload connectivity does.
 */
public final class AssertionChecker {

    private final ManifestSet set;
    private final AnalyzedVersion universal;
    private final AnalyzedVersion closed;
    private final Describer openDescriber;
    private final Describer closedDescriber;

    public AssertionChecker(ManifestSet set, AnalysisOptions options) {
        this.set = set;
        NamespaceUniverse universe = NamespaceUniverse.of(set, options);
        this.universal = PolicyAnalyzer.analyze(set, universe);
        Map<String, Map<String, String>> fixed = new HashMap<>(universe.fixedLabels());
        for (WorkloadManifest w : set.workloads()) {
            fixed.putIfAbsent(w.namespace(), Map.of(NamespaceManifest.NAME_LABEL, w.namespace()));
        }
        this.closed = PolicyAnalyzer.analyze(set, universe.withFixed(fixed));
        this.openDescriber = new Describer(set, universal);
        this.closedDescriber = new Describer(set, closed);
    }

    public AssertionResult check(Assertion a) {
        Map<String, String> refused = universal.cilium().refused();
        if (!refused.isEmpty()) {
            // proved without them, an assertion could pass where a Cilium policy decides otherwise: fail closed
            var first = refused.entrySet().iterator().next();
            CiliumPolicyManifest policy = set.ciliumPolicies().stream().filter(c -> c.key().equals(first.getKey()))
                    .findFirst().orElseThrow();
            return AssertionResult.fail(a, null, "'" + a.name() + "' cannot be proved: " + refused.size()
                    + " Cilium policy object(s) are not analysed (first: " + first.getKey() + " at "
                    + policy.origin().start() + ": " + first.getValue() + "); keep them out of the sources of this goal,"
                    + " or change them to what the analysis reads");
        }
        return a.scope() == Assertion.Scope.DECLARED ? declared(a) : universal(a);
    }

    private AssertionResult universal(Assertion a) {
        Described src = openDescriber.describe(a.from());
        Described dst = openDescriber.describe(a.to());
        ConnectionSearch search = new ConnectionSearch(universal);
        if (new ConnectionSearch(PolicyAnalyzer.analyze(ManifestSet.empty(), universal.universe()))
                .allowed(src, dst, a.ports()).isEmpty()) {
            return AssertionResult.fail(a, null, "'" + a.name() + "' describes no connection (" + a.describe()
                    + "): no namespace can carry the labels asked for; check the names and labels");
        }
        return judge(a, search, universal, src, dst);
    }

    private AssertionResult declared(Assertion a) {
        Optional<List<Described>> sources = declaredEnds(a.from());
        Optional<List<Described>> destinations = declaredEnds(a.to());
        if (sources.isEmpty() || destinations.isEmpty()) {
            String which = sources.isEmpty() ? "from (" + a.from().describe() + ")" : "to (" + a.to().describe() + ")";
            return AssertionResult.fail(a, null, "'" + a.name() + "' has scope declared, but no declared workload matches "
                    + which);
        }
        ConnectionSearch search = new ConnectionSearch(closed);
        for (Described src : sources.get()) {
            for (Described dst : destinations.get()) {
                AssertionResult r = judge(a, search, closed, src, dst);
                if (!r.passed()) {
                    return r;
                }
            }
        }
        return AssertionResult.pass(a);
    }

    private AssertionResult judge(Assertion a, ConnectionSearch search, AnalyzedVersion version, Described src,
                                  Described dst) {
        boolean allowed = a.expect() == Assertion.Expectation.ALLOWED;
        Optional<Witness> w = allowed ? search.blocked(src, dst, a.ports()) : search.allowed(src, dst, a.ports());
        if (w.isEmpty()) {
            return AssertionResult.pass(a);
        }
        String message = "'" + a.name() + "' expected " + a.expect().label() + " (" + a.describe() + "), but "
                + w.get().describe() + " is " + (allowed ? "denied" : "allowed") + ": " + Decision.explain(version, w.get());
        return AssertionResult.fail(a, w.get(), message);
    }

    /** The declared ends an endpoint covers; empty when it names pods and no declared workload matches. */
    private Optional<List<Described>> declaredEnds(EndpointSpec spec) {
        if (spec instanceof EndpointSpec.Addresses) {
            return Optional.of(List.of(closedDescriber.describe(spec)));
        }
        List<Described> out = set.workloads().stream().filter(w -> covers(spec, w)).map(closedDescriber::workload).toList();
        return out.isEmpty() ? Optional.empty() : Optional.of(out);
    }

    private boolean covers(EndpointSpec spec, WorkloadManifest w) {
        if (spec instanceof EndpointSpec.WorkloadRef id) {
            return id.id().equals(w.id());
        }
        EndpointSpec.Pods p = (EndpointSpec.Pods) spec;
        if (p.namespace() != null && !p.namespace().equals(w.namespace())) {
            return false;
        }
        if (p.namespaceLabels() != null) {
            Optional<NamespaceManifest> ns = set.namespaces().stream().filter(n -> n.name().equals(w.namespace())).findFirst();
            if (ns.isEmpty() || !contains(ns.get().labels(), p.namespaceLabels())) {
                return false;
            }
        }
        return contains(w.podLabels(), p.podLabels());
    }

    private static boolean contains(Map<String, String> labels, Map<String, String> required) {
        return required.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
