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
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
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
        inOrder(set.objects(), shared, (o, found) -> once(shared, "fields", o.raw(), o.origin(), null, found,
                sink -> unknownFields.check(o, sink)), out);
        for (ManifestObject object : set.objects()) {
            TierPolicy.Kind.of(object.apiVersion(), object.kind()).ifPresent(kind ->
                    tierPolicies.check(kind, object, new FindingSink(object.origin(), null, out)));
        }
        set.ciliumPolicies().forEach(c -> ciliumPolicies.check(c, new FindingSink(c.origin(), c.namespace(), out)));
        inOrder(set.policies(), shared, (p, found) -> once(shared, "networkpolicy", p.policy(), p.origin(),
                p.namespace(), found, sink -> NetworkPolicyChecks.check(p.policy(), sink)), out);
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
     * Runs {@code check} on each item, in the side's order, and adds what it found (to the end of the list it is
     * given) in the items' order: a backward
     * side's findings are the same, in the same order, as a forward one's.
     */
    private static <T> void inOrder(List<T> items, SharedReading.Side side, BiConsumer<T, List<Finding>> check,
                                    List<Finding> out) {
        if (!side.backward()) {
            items.forEach(item -> check.accept(item, out));
            return;
        }
        List<List<Finding>> found = new ArrayList<>(Collections.nCopies(items.size(), List.of()));
        for (int i = items.size() - 1; i >= 0; i--) {
            List<Finding> mine = new ArrayList<>();
            check.accept(items.get(i), mine);
            found.set(i, mine);
        }
        found.forEach(out::addAll);
    }

    /** Runs {@code check} on {@code object} unless the other side found nothing in it; offers a clean result. */
    private static void once(SharedReading.Side shared, String check, Object object, Origin origin, String namespace,
                             List<Finding> found, Consumer<FindingSink> run) {
        if (shared.cleanElsewhere(check, object, origin.pointerPrefix(), namespace)) {
            return;
        }
        int before = found.size();
        run.accept(new FindingSink(origin, namespace, found));
        if (found.size() == before) {
            shared.foundNothing(check, object, origin.pointerPrefix(), namespace);
        }
    }

    private static List<Object> place(Origin origin) {
        return origin == null ? List.of() : Arrays.asList(origin.file(), origin.documentIndex(), origin.pointerPrefix());
    }
}
