package io.github.netpol.diff;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.github.netpol.analysis.PolicyRuleRef;
import io.github.netpol.finding.Direction;
import io.github.netpol.finding.LabelWords;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.semantics.EffectivePolicy;
import io.github.netpol.model.semantics.PolicyPort;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one rule peer of a policy says, in words a person can check against the YAML, e.g.
 * "pods with app=api in payments accept TCP 8080 from any pod in namespaces with env=dev".
 */
final class PolicyRuleText {

    private PolicyRuleText() {
    }

    static String describe(PolicyRuleRef ref) {
        NetworkPolicySpec spec = ref.policy().policy().getSpec();
        String ns = ref.policy().namespace();
        String local = pods(spec.getPodSelector()) + " in " + ns;
        boolean ingress = ref.direction() == Direction.INGRESS;
        List<PolicyPort> ports = EffectivePolicy.of(ref.policy()).rules(ref.direction()).get(ref.ruleIndex()).ports();
        // a rule with peers was written as an object with a from/to list (only a rule without peers can be null)
        String peer = ref.peerIndex() < 0 ? "anyone (every pod of every namespace and every address)"
                : peer((ingress ? spec.getIngress().get(ref.ruleIndex()).getFrom()
                : spec.getEgress().get(ref.ruleIndex()).getTo()).get(ref.peerIndex()), ns);
        // "every pod ... accepts", "pods with app=db ... accept"
        return ingress ? local + (local.startsWith("every ") ? " accepts " : " accept ") + ports(ports) + " from " + peer
                : local + " may send " + ports(ports) + " to " + peer;
    }

    private static String peer(NetworkPolicyPeer p, String ns) {
        if (p.getIpBlock() != null) {
            return addresses(p.getIpBlock());
        }
        String where = p.getNamespaceSelector() == null ? "namespace " + ns : namespaces(p.getNamespaceSelector());
        return (p.getPodSelector() == null ? "any pod" : pods(p.getPodSelector())) + " in " + where;
    }

    private static String addresses(IPBlock block) {
        List<String> except = block.getExcept() == null ? List.of() : block.getExcept();
        return "addresses in " + block.getCidr() + (except.isEmpty() ? "" : " except " + String.join(", ", except));
    }

    private static String pods(LabelSelector s) {
        return LabelWords.describe("pods", "every pod", conditions(s, false));
    }

    private static String namespaces(LabelSelector s) {
        Map<String, String> labels = s.getMatchLabels() == null ? Map.of() : s.getMatchLabels();
        boolean noExpressions = s.getMatchExpressions() == null || s.getMatchExpressions().isEmpty();
        if (noExpressions && labels.size() == 1 && labels.containsKey(NamespaceManifest.NAME_LABEL)) {
            return "namespace " + labels.get(NamespaceManifest.NAME_LABEL);
        }
        return LabelWords.describe("namespaces", "any namespace", conditions(s, true));
    }

    /** Each requirement of the selector as the values its key may take, in the order written. */
    private static List<LabelWords.Condition> conditions(LabelSelector s, boolean namespace) {
        List<LabelWords.Condition> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        new TreeMap<>(s.getMatchLabels() == null ? Map.<String, String>of() : s.getMatchLabels())
                .forEach((k, v) -> out.add(LabelWords.Condition.equal(key(k, namespace), v)));
        for (LabelSelectorRequirement r : s.getMatchExpressions() == null ? List.<LabelSelectorRequirement>of()
                : s.getMatchExpressions()) {
            String k = key(r.getKey(), namespace);
            TreeSet<String> values = new TreeSet<>(r.getValues() == null ? List.of() : r.getValues());
            // NotIn and DoesNotExist also hold for a pod without the label, as the API server matches them
            out.add(switch (String.valueOf(r.getOperator())) {
                case "In" -> new LabelWords.Condition(k, values, false, false);
                case "NotIn" -> new LabelWords.Condition(k, values, true, true);
                case "Exists" -> new LabelWords.Condition(k, new TreeSet<>(), true, false);
                default -> new LabelWords.Condition(k, new TreeSet<>(), false, true);
            });
        }
        return out;
    }

    private static String key(String key, boolean namespace) {
        return namespace && NamespaceManifest.NAME_LABEL.equals(key) ? "name" : key;
    }

    private static String ports(List<PolicyPort> ports) {
        if (ports.isEmpty()) {
            return "every port of every protocol";
        }
        List<String> out = new ArrayList<>();
        for (PolicyPort p : ports) {
            if (p.anyPort()) {
                out.add("every " + p.protocol() + " port");
            } else if (p.isNamed()) {
                out.add(p.protocol() + " port named '" + p.name() + "'");
            } else {
                out.add(p.protocol() + " " + p.from() + (p.to() == p.from() ? "" : "-" + p.to()));
            }
        }
        return String.join(", ", out);
    }
}
