package io.github.netpol.validate.apiserver;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Namespace;
import io.github.netpol.finding.Finding;
import io.github.netpol.model.ManifestObject;
import io.github.netpol.model.Origin;
import io.github.netpol.model.KubernetesMapper;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.NamespaceManifest;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.model.SchemaWalker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Everything the Kubernetes API server would reject (or warn about) in a set of manifests:
 * NetworkPolicy and Namespace validation, unknown fields as with {@code kubectl --validate=strict},
 * and objects defined twice. Loading problems are in {@link ManifestSet#problems()}, not repeated here.
 */
public final class ApiServerValidator {

    private final ObjectMapper mapper = KubernetesMapper.create();
    private final UnknownFieldRule unknownFields = new UnknownFieldRule(new SchemaWalker(mapper));

    public List<Finding> validate(ManifestSet set) {
        List<Finding> out = new ArrayList<>();
        set.objects().forEach(o -> unknownFields.check(o, new FindingSink(o.origin(), null, out)));
        for (PolicyManifest policy : set.policies()) {
            NetworkPolicyRules.check(policy.policy(), new FindingSink(policy.origin(), policy.namespace(), out));
        }
        Set<Origin> namespaceOrigins = set.namespaces().stream().map(NamespaceManifest::origin).collect(Collectors.toSet());
        for (ManifestObject object : set.objects()) {
            // only Namespaces that converted cleanly are in the set; their metadata is read from the raw tree
            if (namespaceOrigins.contains(object.origin())) {
                Namespace namespace = mapper.convertValue(object.raw(), Namespace.class);
                FindingSink sink = new FindingSink(object.origin(), null, out);
                MetadataRules.check(namespace.getMetadata(), "Namespace", false, sink);
            }
        }
        DuplicateObjectRule.check(set, out);
        return out;
    }
}
