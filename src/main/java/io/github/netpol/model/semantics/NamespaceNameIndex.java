package io.github.netpol.model.semantics;

import io.github.netpol.model.NamespaceManifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Which of a list of rules can select pods of a namespace, by the namespace's name label
 * ({@link NamespaceManifest#NAME_LABEL}): a rule whose namespace selector requires that label to be one of some names
 * ({@code In}) selects pods only in namespaces whose label is one of them. The agent confines a CiliumNetworkPolicy
 * to its namespace that way, so lint and the analysis, asking for each namespace which Cilium rules select pods
 * there, test each rule only where it can select pods: testing every rule in every namespace cost N² selector
 * matches for N namespaces with a policy each (2,000 namespaces: 6 s of {@code check}; lint at 10,000 had not
 * finished after 17 minutes). Exact: a rule left out is one whose namespace selector does not match the label.
 *
 * @param <T> a rule
 */
public final class NamespaceNameIndex<T> {

    private final List<T> rules;
    /** Per name, the indexes (ascending) of the rules that admit only listed names, this one among them. */
    private final Map<String, List<Integer>> byName = new HashMap<>();
    /** The indexes (ascending) of the rules whose namespace selector does not list the names it admits. */
    private final List<Integer> anyName = new ArrayList<>();

    /** @param namespaces a rule's namespace selector (over the namespace's labels, the name label among them) */
    public NamespaceNameIndex(List<T> rules, Function<T, Selector> namespaces) {
        this.rules = List.copyOf(rules);
        for (int i = 0; i < this.rules.size(); i++) {
            Set<String> listed = listedNames(namespaces.apply(this.rules.get(i)));
            if (listed == null) {
                anyName.add(i);
            } else {
                for (String name : listed) {
                    byName.computeIfAbsent(name, k -> new ArrayList<>()).add(i);
                }
            }
        }
    }

    /**
     * The names a selector over namespace labels admits, when it lists them: the values of its first {@code In}
     * requirement on the name label, which every namespace it matches must carry; null when it has none.
     */
    public static Set<String> listedNames(Selector namespaces) {
        for (Selector.Requirement r : namespaces.requirements()) {
            if (r.key().equals(NamespaceManifest.NAME_LABEL) && r.operator() == Selector.Operator.IN) {
                return r.values();
            }
        }
        return null;
    }

    /**
     * The rules, in their order, whose namespace selector may match a namespace whose name label is {@code nameLabel}
     * ({@code null}: the namespace has none).
     */
    public List<T> admitting(String nameLabel) {
        List<Integer> listed = nameLabel == null ? List.of() : byName.getOrDefault(nameLabel, List.of());
        List<T> out = new ArrayList<>(listed.size() + anyName.size());
        int a = 0;
        int b = 0;
        while (a < listed.size() || b < anyName.size()) {
            boolean fromListed = b == anyName.size() || a < listed.size() && listed.get(a) < anyName.get(b);
            out.add(rules.get(fromListed ? listed.get(a++) : anyName.get(b++)));
        }
        return out;
    }
}
