package io.github.netpol.validate.apiserver;

import io.github.netpol.model.CiliumPolicyManifest;
import io.github.netpol.model.semantics.CiliumLabels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy as the API server checks it against its CRD (a structural
 * schema without CEL rules; unknown fields are errors, as with {@code kubectl --validate=strict}) and its
 * metadata, then as the Cilium agent checks it before enforcing it ({@link CiliumAgentChecks}). Endpoint selectors
 * are checked with their keys as Cilium reads them ({@code k8s:app} is the key {@code k8s.app}); a
 * {@code cidrGroupSelector}, which selects CiliumCIDRGroups, as a plain Kubernetes selector.
 */
final class CiliumPolicyChecks {

    private final CustomResourceReading reading = new CustomResourceReading();

    void check(CiliumPolicyManifest policy, FindingSink sink) {
        StructuralSchema walk = StructuralSchema.check(CrdSchemas.cilium(policy.clusterwide()), policy.raw());
        CustomResourceReading.schemaErrors(policy.kind(), walk, pointer -> "", sink);
        reading.metadata(policy.kind(), policy.raw(), sink);
        for (StructuralSchema.SelectorSite s : walk.selectors()) {
            Object selector = s.pointer().endsWith("/cidrGroupSelector") ? s.value() : extended(s.value());
            reading.selector(selector).ifPresent(ls -> SelectorChecks.check(ls, s.pointer(), sink));
        }
        CiliumAgentChecks.check(policy, sink);
    }

    /** The selector with each key as Cilium extends it, which is what the agent's selector checks see. */
    private static Object extended(Object raw) {
        if (!(raw instanceof Map<?, ?> map)) {
            return raw;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        if (map.get("matchLabels") instanceof Map<?, ?> labels) {
            Map<String, Object> keyed = new LinkedHashMap<>();
            labels.forEach((k, v) -> keyed.put(CiliumLabels.key(String.valueOf(k)).extended(), v));
            out.put("matchLabels", keyed);
        }
        if (map.get("matchExpressions") instanceof List<?> expressions) {
            List<Object> keyed = new ArrayList<>();
            for (Object e : expressions) {
                if (e instanceof Map<?, ?> r && r.get("key") instanceof String key) {
                    Map<String, Object> copy = new LinkedHashMap<>();
                    r.forEach((k, v) -> copy.put(String.valueOf(k), v));
                    copy.put("key", CiliumLabels.key(key).extended());
                    keyed.add(copy);
                } else {
                    keyed.add(e);
                }
            }
            out.put("matchExpressions", keyed);
        }
        return out;
    }
}
