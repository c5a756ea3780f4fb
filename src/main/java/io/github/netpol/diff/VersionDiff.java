package io.github.netpol.diff;

import io.github.netpol.analysis.AnalysisOptions;
import io.github.netpol.analysis.AnalyzedVersion;
import io.github.netpol.analysis.NamespaceUniverse;
import io.github.netpol.analysis.PolicyAnalyzer;
import io.github.netpol.analysis.SetPool;
import io.github.netpol.analysis.SideComparison;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.model.KubernetesKinds;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.UnsupportedPolicyManifest;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.PolicyPort;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Compares two versions of the manifests and turns every change of what they allow into findings:
 * widenings (with a witness each), dropped isolation, narrowings, and kinds that cannot be analysed.
 */
public final class VersionDiff {

    /** How long the entry a finding about one object suggests accepts it: long enough to plan, short enough to look again. */
    static final int SUGGESTED_ACCEPTANCE_DAYS = 90;

    private final AnalysisOptions options;
    private final String acceptedFile;
    private final LocalDate today;
    private final String idPrefix;

    /** @param acceptedFile the accepted-changes file as messages name it, e.g. {@code netpol-accepted.yaml} */
    public VersionDiff(AnalysisOptions options, String acceptedFile) {
        this(options, acceptedFile, LocalDate.now());
    }

    /** @param today from which the {@code expires} date of a suggested acceptance entry is counted */
    public VersionDiff(AnalysisOptions options, String acceptedFile, LocalDate today) {
        this(options, acceptedFile, today, null);
    }

    /**
     * @param environment the rendered environment compared, or {@code null}: its name begins every finding id
     *                    ({@code prod:WIDENED_INGRESS/shop/web}), so that an acceptance holds for that environment only
     */
    public VersionDiff(AnalysisOptions options, String acceptedFile, LocalDate today, String environment) {
        this.options = options;
        this.acceptedFile = acceptedFile;
        this.today = today;
        this.idPrefix = environment == null ? "" : environment + ":";
    }

    public DiffResult compare(ManifestSet old, ManifestSet current) {
        List<Finding> findings = new ArrayList<>();
        List<String> units = new ArrayList<>();
        NamespaceUniverse.Compared universes = NamespaceUniverse.compared(old, current, options);
        NamespaceUniverse oldUniverse = universes.old();
        NamespaceUniverse newUniverse = universes.current();
        SetPool sets = new SetPool();
        AnalyzedVersion analyzedCurrent = PolicyAnalyzer.analyze(current, newUniverse, sets);
        EffectiveCheck effective = new EffectiveCheck(analyzedCurrent);
        ChangeContext context = ChangeContext.of(old, current, acceptedFile, idPrefix);
        Set<String> portNames = portNames(current);
        AnalyzedVersion analyzedOld = PolicyAnalyzer.analyze(old, oldUniverse, sets);
        List<SideComparison> sides = SideComparison.compareAll(analyzedOld, analyzedCurrent);
        // sides are independent: their findings are built on every core, then joined in the sides' order
        List<List<Finding>> perSide = sides.parallelStream()
                .map(side -> new SideFindings(side, effective, context, portNames).findings()).toList();
        for (int i = 0; i < sides.size(); i++) {
            units.add(sides.get(i).namespace() + "/" + sides.get(i).direction().label());
            findings.addAll(perSide.get(i));
        }
        findings.addAll(new ConnectionFindings(old, current, oldUniverse, newUniverse, options, sides, context,
                new EffectiveCheck(analyzedOld), analyzedOld, analyzedCurrent).findings());
        Map<String, String> digests = new LinkedHashMap<>();
        List<UnsupportedPolicyManifest> unanalysedNow = unanalysed(current, analyzedCurrent);
        Map<String, String> refusedNow = analyzedCurrent.cilium().refused();
        Set<String> failingNow = new HashSet<>();
        for (UnsupportedPolicyManifest u : unanalysedNow) {
            if (u.treatment() == KubernetesKinds.Treatment.NOT_ANALYSED) {
                findings.add(enforcedByMesh(u));
                continue;
            }
            Finding f = unsupported(u, refusedNow.get(key(u)));
            findings.add(f);
            digests.put(f.id(), u.digest());
            failingNow.add(key(u));
        }
        for (UnsupportedPolicyManifest u : unanalysed(old, analyzedOld)) {
            // what the baseline's analysis left out, it may have denied: gone or analysed now, the comparison
            // cannot tell whether that widens access
            if (u.treatment() == KubernetesKinds.Treatment.NOT_ANALYSED || failingNow.contains(key(u))) {
                continue;
            }
            Finding f = unsupportedInBaseline(u, analyzedOld.cilium().refused().get(key(u)));
            findings.add(f);
            digests.put(f.id(), u.digest());
        }
        findings.sort(Comparator.comparing((Finding f) -> f.namespace() == null ? "" : f.namespace())
                .thenComparing(f -> f.direction() == null ? "" : f.direction().label())
                .thenComparing(Finding::kind).thenComparing(Finding::id));
        return new DiffResult(findings, units, digests);
    }

    /**
     * A mesh's authorization applies to traffic the network policies already let through, so it can only narrow
     * what they allow: not analysing it cannot hide a widening, and the finding says so rather than failing.
     */
    private Finding enforcedByMesh(UnsupportedPolicyManifest u) {
        String scope = u.namespace() == null ? "cluster" : u.namespace();
        String id = idPrefix + FindingCode.MESH_POLICY_NOT_ANALYSED.findingId(scope, u.kind(), u.name());
        String message = u.kind() + " " + scope + "/" + u.name() + " (" + u.apiVersion() + ") is enforced by a service"
                + " mesh (" + u.product() + "), not analysed: it can only restrict further what the network policies"
                + " allow, so the connections reported here are what the network lets through before the mesh decides.";
        return Finding.of(FindingCode.MESH_POLICY_NOT_ANALYSED, message).withId(id).withNamespace(u.namespace())
                .at(u.origin().start());
    }

    /**
     * An object of the baseline the analysis left out that the new version no longer has unanalysed (removed, or
     * analysed now): what it denied before is unknown, so the check fails closed until a person accepts it.
     */
    private Finding unsupportedInBaseline(UnsupportedPolicyManifest u, String reason) {
        String scope = u.namespace() == null ? "cluster" : u.namespace();
        String id = idPrefix + FindingCode.UNSUPPORTED_POLICY_KIND.findingId(scope, u.kind(), u.name());
        Finding.Parts parts = new Finding.Parts(
                "The baseline's " + u.kind() + " " + scope + "/" + u.name() + " (" + u.apiVersion() + ") was not analysed"
                        + (reason == null ? "" : " (" + reason + ")") + ", and the new version removes or changes it.",
                "The check cannot tell what it allowed or denied in the baseline, so it cannot tell whether this change"
                        + " widens access.", null,
                "Review the change by hand and accept it with this entry under 'accepted:' in " + acceptedFile
                        + " (the digest is the baseline object's; review it again by the expiry date):");
        String entry = acceptance(id, u.digest());
        return Finding.explained(FindingCode.UNSUPPORTED_POLICY_KIND, parts).withId(id).withNamespace(u.namespace())
                .withFix(entry).at(u.origin().start());
    }

    /** The entry accepting an object as it is (its digest) until a date. */
    private String acceptance(String id, String digest) {
        return "  - id: " + id + "\n"
                + "    digest: " + digest + "\n"
                + "    reason: \"<who reviewed it, and why it is safe>\"\n"
                + "    expires: " + today.plusDays(SUGGESTED_ACCEPTANCE_DAYS);
    }

    /** The objects of a version the analysis leaves out: kinds it does not read, and Cilium policies it refuses. */
    private static List<UnsupportedPolicyManifest> unanalysed(ManifestSet version, AnalyzedVersion analyzed) {
        List<UnsupportedPolicyManifest> out = new ArrayList<>(version.unsupported());
        for (CiliumPolicyManifest c : version.ciliumPolicies()) {
            if (analyzed.cilium().refused().containsKey(c.key())) {
                out.add(new UnsupportedPolicyManifest(c.apiVersion(), c.kind(), c.namespace(), c.name(), c.origin(),
                        c.digest(), KubernetesKinds.Treatment.FAIL_CLOSED, "Cilium"));
            }
        }
        return out;
    }

    /** {@code kind/namespace/name}, or {@code kind/name} for a cluster-scoped object: as the manifests key them. */
    private static String key(UnsupportedPolicyManifest u) {
        return u.namespace() == null ? u.kind() + "/" + u.name() : u.kind() + "/" + u.namespace() + "/" + u.name();
    }

    /** Every port name used by a rule of the version, in either direction. */
    private static Set<String> portNames(ManifestSet version) {
        Set<String> names = new TreeSet<>();
        for (PolicyManifest p : version.policies()) {
            EffectivePolicy policy = EffectivePolicy.of(p);
            Stream.concat(policy.ingress().stream(), policy.egress().stream())
                    .flatMap(r -> r.ports().stream()).filter(PolicyPort::isNamed).forEach(port -> names.add(port.name()));
        }
        return names;
    }

    /**
     * The finding ends with the entry to paste: the acceptance holds only for the object as it is now (its digest)
     * and only until the date, so a changed object or a forgotten one fails the check again.
     */
    private Finding unsupported(UnsupportedPolicyManifest u, String reason) {
        String scope = u.namespace() == null ? "cluster" : u.namespace();
        String id = idPrefix + FindingCode.UNSUPPORTED_POLICY_KIND.findingId(scope, u.kind(), u.name());
        Finding.Parts parts = new Finding.Parts(
                u.kind() + " " + scope + "/" + u.name() + " (" + u.apiVersion() + ") can change connectivity but is not"
                        + " analysed" + (reason == null ? "." : ": " + reason + "."),
                "The check cannot tell whether it widens access.", null,
                "Keep it out of netpol.sources, or review it by hand and accept this object as it is now with this entry"
                        + " under 'accepted:' in " + acceptedFile + " (the digest binds the acceptance to the object: any"
                        + " change to it fails the check again; review it again by the expiry date):");
        String entry = acceptance(id, u.digest());
        return Finding.explained(FindingCode.UNSUPPORTED_POLICY_KIND, parts).withId(id).withNamespace(u.namespace())
                .withFix(entry)
                .at(u.origin().start());
    }
}
