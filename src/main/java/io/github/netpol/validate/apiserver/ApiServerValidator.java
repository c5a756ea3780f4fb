package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.Finding;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.model.ManifestObject;
import io.github.netpol.model.Origin;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.SharedReading;
import io.github.netpol.model.semantics.TierPolicy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Everything the Kubernetes API server would reject (or warn about) in a set of manifests:
 * NetworkPolicy and Namespace validation, ClusterNetworkPolicy, AdminNetworkPolicy and
 * BaselineAdminNetworkPolicy against their CRDs, CiliumNetworkPolicy and CiliumClusterwideNetworkPolicy against
 * theirs and the Cilium agent's checks, unknown fields as with {@code kubectl --validate=strict},
 * and objects defined twice. Loading problems are in {@link ManifestSet#problems()}, not repeated here.
 */
public final class ApiServerValidator {

    private final KubernetesObjects objects;
    private final UnknownFieldCheck unknownFields = new UnknownFieldCheck();
    private final TierPolicyChecks tierPolicies;
    private final CiliumPolicyChecks ciliumPolicies = new CiliumPolicyChecks();

    public ApiServerValidator() {
        this(new KubernetesObjects());
    }

    /** @param objects shared with the readers of the same run */
    public ApiServerValidator(KubernetesObjects objects) {
        this(objects, CrdChannel.STANDARD);
    }

    /** @param channel the channel of the Network Policy API CRDs the cluster runs */
    public ApiServerValidator(KubernetesObjects objects, CrdChannel channel) {
        this.objects = objects;
        this.tierPolicies = new TierPolicyChecks(channel);
    }

    public List<Finding> validate(ManifestSet set) {
        return validate(set, SharedReading.Side.parsesOnly(null));
    }

    /**
     * The same findings as {@link #validate(ManifestSet)}, in the same order, skipping the checks the other side of
     * {@code shared} found nothing in on the same objects.
     */
    public List<Finding> validate(ManifestSet set, SharedReading.Side shared) {
        List<Finding> out = new ArrayList<>();
        shared.inOrder(set.objects(), o -> once(shared, "fields", o.raw(), o.origin(), null,
                sink -> unknownFields.check(o, sink))).forEach(out::addAll);
        for (ManifestObject object : set.objects()) {
            TierPolicy.Kind.of(object.apiVersion(), object.kind()).ifPresent(kind ->
                    tierPolicies.check(kind, object, new FindingSink(object.origin(), null, out)));
        }
        set.ciliumPolicies().forEach(c -> ciliumPolicies.check(c, new FindingSink(c.origin(), c.namespace(), out)));
        shared.inOrder(set.policies(), p -> once(shared, "networkpolicy", p.policy(), p.origin(), p.namespace(),
                sink -> NetworkPolicyChecks.check(p.policy(), sink))).forEach(out::addAll);
        // an Origin's own hashCode walks its whole source map: looked up by where it is, then compared in full
        Map<List<Object>, List<Origin>> namespaceOrigins = new HashMap<>();
        set.namespaces().forEach(n -> namespaceOrigins.computeIfAbsent(place(n.origin()), k -> new ArrayList<>()).add(n.origin()));
        for (ManifestObject object : set.objects()) {
            // only Namespaces that converted cleanly are in the set; their metadata is read from the raw tree
            if (namespaceOrigins.getOrDefault(place(object.origin()), List.of()).contains(object.origin())) {
                FindingSink sink = new FindingSink(object.origin(), null, out);
                MetadataChecks.check(objects.metadata(object.raw()), "Namespace", false, sink);
            }
        }
        DuplicateObjectCheck.check(set, out);
        return out;
    }

    /**
     * What {@code check} finds in {@code object}: nothing, without running it, when the other side found nothing in
     * it; a clean result is offered to the other side.
     */
    private static List<Finding> once(SharedReading.Side shared, String check, Object object, Origin origin,
                                      String namespace, Consumer<FindingSink> run) {
        if (shared.cleanElsewhere(check, object, origin.pointerPrefix(), namespace)) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        run.accept(new FindingSink(origin, namespace, found));
        if (found.isEmpty()) {
            shared.foundNothing(check, object, origin.pointerPrefix(), namespace);
        }
        return found;
    }

    private static List<Object> place(Origin origin) {
        return origin == null ? List.of() : Arrays.asList(origin.file(), origin.documentIndex(), origin.pointerPrefix());
    }
}
