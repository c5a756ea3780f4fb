package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.UnsupportedPolicyManifest;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.PolicyPort;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares two versions of the manifests and turns every change of what they allow into findings:
 * widenings (with a witness each), dropped isolation, narrowings, and kinds that cannot be analysed.
 */
public final class VersionDiff {

    private final AnalysisOptions options;
    private final String acceptedFile;

    /** @param acceptedFile the accepted-changes file as messages name it, e.g. {@code netpol-accepted.yaml} */
    public VersionDiff(AnalysisOptions options, String acceptedFile) {
        this.options = options;
        this.acceptedFile = acceptedFile;
    }

    public DiffResult compare(ManifestSet old, ManifestSet current) {
        List<Finding> findings = new ArrayList<>();
        List<String> units = new ArrayList<>();
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, options);
        NamespaceUniverse oldUniverse = universes.old();
        NamespaceUniverse newUniverse = universes.current();
        AnalyzedVersion analyzedCurrent = PolicyAnalyzer.analyze(current, newUniverse);
        EffectiveCheck effective = new EffectiveCheck(analyzedCurrent);
        Map<String, PolicyManifest> currentPolicies = new LinkedHashMap<>();
        current.policies().forEach(p -> currentPolicies.putIfAbsent(p.key(), p));
        Map<String, PolicyManifest> firstInNamespace = new HashMap<>();
        currentPolicies.values().forEach(p -> firstInNamespace.putIfAbsent(p.namespace(), p));
        Set<String> portNames = portNames(current);
        List<SideComparison> sides = SideComparison.compareAll(PolicyAnalyzer.analyze(old, oldUniverse), analyzedCurrent);
        // sides are independent: their findings are built on every core, then joined in the sides' order
        List<List<Finding>> perSide = sides.parallelStream()
                .map(side -> new SideFindings(side, effective, acceptedFile, currentPolicies, firstInNamespace, portNames)
                        .findings()).toList();
        for (int i = 0; i < sides.size(); i++) {
            units.add(sides.get(i).namespace() + "/" + sides.get(i).direction().label());
            findings.addAll(perSide.get(i));
        }
        findings.addAll(new ConnectionFindings(old, current, oldUniverse, newUniverse, sides, acceptedFile).findings());
        for (UnsupportedPolicyManifest u : current.unsupported()) {
            findings.add(unsupported(u));
        }
        findings.sort(Comparator.comparing((Finding f) -> f.namespace() == null ? "" : f.namespace())
                .thenComparing(f -> f.direction() == null ? "" : f.direction().label())
                .thenComparing(Finding::kind).thenComparing(Finding::id));
        return new DiffResult(findings, units);
    }

    /** Every port name used by a rule of the version, in either direction. */
    private static Set<String> portNames(ManifestSet version) {
        Set<String> names = new TreeSet<>();
        for (PolicyManifest p : version.policies()) {
            EffectivePolicy policy = EffectivePolicy.of(p.policy());
            Stream.concat(policy.ingress().stream(), policy.egress().stream())
                    .flatMap(r -> r.ports().stream()).filter(PolicyPort::isNamed).forEach(port -> names.add(port.name()));
        }
        return names;
    }

    private Finding unsupported(UnsupportedPolicyManifest u) {
        String scope = u.namespace() == null ? "cluster" : u.namespace();
        String id = FindingCode.UNSUPPORTED_POLICY_KIND.findingId(scope, u.kind(), u.name());
        String message = u.kind() + " " + scope + "/" + u.name() + " (" + u.apiVersion() + ") can change connectivity but"
                + " is not analysed, so the check cannot tell whether it widens access. Review it by hand and accept it in "
                + acceptedFile + " with '- id: " + id + "', a reason and an expiry date, or keep it out of netpol.sources.";
        return Finding.of(FindingCode.UNSUPPORTED_POLICY_KIND, message).withId(id).withNamespace(u.namespace())
                .at(u.origin().start());
    }
}
