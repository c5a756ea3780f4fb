package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.Origin;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two objects of the same kind, namespace and name: the second would silently replace the first, so
 * which one is meant is ambiguous (an error). An identical copy is only a warning: applying it again
 * changes nothing, and the API server accepts it ({@code kubectl apply} reports it unchanged).
 */
final class DuplicateObjectCheck {

    private DuplicateObjectCheck() {
    }

    static void check(ManifestSet set, List<Finding> out) {
        Map<String, Map<String, Object>> contentByOrigin = new HashMap<>();
        set.objects().forEach(o -> contentByOrigin.put(key(o.origin()), o.raw()));
        Map<String, Origin> seen = new HashMap<>();
        set.policies().forEach(p -> record("NetworkPolicy", p.namespace(), p.name(), p.origin(), seen, contentByOrigin, out));
        set.namespaces().forEach(n -> record("Namespace", null, n.name(), n.origin(), seen, contentByOrigin, out));
        set.workloads().forEach(w -> record(w.kind(), w.namespace(), w.name(), w.origin(), seen, contentByOrigin, out));
        // cluster-scoped: a namespace written on them is dropped, so two with one name are one object
        set.tierPolicies().forEach(t -> record(t.kind(), null, t.name(), t.origin(), seen, contentByOrigin, out));
        set.ciliumPolicies().forEach(c -> record(c.kind(), c.namespace(), c.name(), c.origin(), seen, contentByOrigin, out));
    }

    private static void record(String kind, String namespace, String name, Origin origin, Map<String, Origin> seen,
                               Map<String, Map<String, Object>> contentByOrigin, List<Finding> out) {
        if (name == null) {
            return;
        }
        String id = namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
        Origin first = seen.putIfAbsent(id, origin);
        if (first == null) {
            return;
        }
        Map<String, Object> firstContent = contentByOrigin.get(key(first));
        boolean identical = firstContent != null && Objects.equals(firstContent, contentByOrigin.get(key(origin)));
        Finding finding = identical
                ? Finding.of(FindingCode.DUPLICATE_OBJECT, id + " is an identical copy of the one at "
                        + first.at("/metadata/name") + "; remove one copy.").withSeverity(Severity.WARNING)
                : Finding.of(FindingCode.DUPLICATE_OBJECT, id + " is already defined at " + first.at("/metadata/name")
                        + "; rename one of them or remove the copy.");
        out.add(finding.at(origin.at("/metadata/name")).withNamespace(namespace));
    }

    /** Where an object is; objects read from the same place are the same object. */
    private static String key(Origin origin) {
        return origin.file() + "#" + origin.documentIndex() + origin.pointerPrefix();
    }
}
