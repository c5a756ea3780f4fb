package io.github.netpol.validate.lint;

import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.Origin;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.TierPolicyManifest;
import io.github.netpol.model.WorkloadManifest;

import java.util.Map;

/**
 * The object a lint finding is about: its annotations carry suppressions, its origin gives the location.
 *
 * @param kind        {@code NetworkPolicy}, {@code Namespace}, a workload kind or another policy kind
 * @param annotations the object's annotations; empty for a namespace that is not declared
 */
public record Subject(String kind, String namespace, String name, Map<String, String> annotations, Origin origin) {

    public Subject {
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Subject of(PolicyManifest p) {
        var meta = p.policy().getMetadata();
        return new Subject("NetworkPolicy", p.namespace(), p.name(), meta == null ? Map.of() : meta.getAnnotations(),
                p.origin());
    }

    /** A cluster-scoped tier policy: no namespace. */
    public static Subject of(TierPolicyManifest p) {
        return new Subject(p.kind(), null, p.name(), annotations(p.raw()), p.origin());
    }

    /** A CiliumNetworkPolicy in its namespace, or a CiliumClusterwideNetworkPolicy (no namespace). */
    public static Subject of(CiliumPolicyManifest p) {
        return new Subject(p.kind(), p.namespace(), p.name(), annotations(p.raw()), p.origin());
    }

    private static Map<String, String> annotations(Map<String, Object> raw) {
        Map<String, String> annotations = new java.util.LinkedHashMap<>();
        if (raw.get("metadata") instanceof Map<?, ?> meta && meta.get("annotations") instanceof Map<?, ?> a) {
            a.forEach((k, v) -> annotations.put(String.valueOf(k), String.valueOf(v)));
        }
        return annotations;
    }

    public static Subject of(NamespaceManifest n) {
        return new Subject("Namespace", n.name(), n.name(), n.annotations(), n.origin());
    }

    public static Subject of(WorkloadManifest w) {
        return new Subject(w.kind(), w.namespace(), w.name(), w.annotations(), w.origin());
    }

    /** {@code Kind ns/name}, how messages and suppression bookkeeping name it. */
    public String describe() {
        return "Namespace".equals(kind) || namespace == null ? kind + " " + name : kind + " " + namespace + "/" + name;
    }
}
