package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.Origin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two objects of the same kind, namespace and name: the second would silently replace the first. */
final class DuplicateObjectRule {

    private DuplicateObjectRule() {
    }

    static void check(ManifestSet set, List<Finding> out) {
        Map<String, Origin> seen = new HashMap<>();
        set.policies().forEach(p -> record("NetworkPolicy", p.namespace(), p.name(), p.origin(), seen, out));
        set.namespaces().forEach(n -> record("Namespace", null, n.name(), n.origin(), seen, out));
        set.workloads().forEach(w -> record(w.kind(), w.namespace(), w.name(), w.origin(), seen, out));
    }

    private static void record(String kind, String namespace, String name, Origin origin, Map<String, Origin> seen,
                               List<Finding> out) {
        if (name == null) {
            return;
        }
        String id = namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
        Origin first = seen.putIfAbsent(id, origin);
        if (first != null) {
            out.add(Finding.of("duplicate-object", Severity.ERROR, id + " is already defined at " + first.at("/metadata/name")
                    + "; rename one of them or remove the copy.", origin.at("/metadata/name")).withNamespace(namespace));
        }
    }
}
