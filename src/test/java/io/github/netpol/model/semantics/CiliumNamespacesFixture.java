package io.github.netpol.model.semantics;

import io.github.netpol.load.SourceFile;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.ManifestSet;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Cilium policies in several namespaces, for the tests of the lookups by namespace name (the analysis' and lint's):
 * namespaced policies in a declared, another declared and an undeclared namespace, and clusterwide ones that list
 * the names they admit ({@code named}: bank and elsewhere), exclude one ({@code not-named}), select by a namespace
 * label ({@code by-label}) or select everything; a Deployment in the undeclared namespace.
 */
public final class CiliumNamespacesFixture {

    public static final String YAML = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: a}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: bank, labels: {team: b}}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: web}}
              ingress: [{fromEndpoints: [{matchLabels: {app: a}}]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web, namespace: bank}
            spec:
              endpointSelector: {}
              ingress: [{fromEndpoints: [{matchLabels: {app: b}}]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: web, namespace: undeclared}
            spec:
              endpointSelector: {}
              egress: [{toEndpoints: [{matchLabels: {app: c}}]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: named}
            spec:
              endpointSelector:
                matchExpressions:
                - {key: k8s:io.kubernetes.pod.namespace, operator: In, values: [bank, elsewhere]}
              ingress: [{fromEntities: [world]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: not-named}
            spec:
              endpointSelector:
                matchExpressions:
                - {key: k8s:io.kubernetes.pod.namespace, operator: NotIn, values: [shop]}
              ingress: [{fromEntities: [world]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: by-label}
            spec:
              endpointSelector: {matchLabels: {k8s:io.cilium.k8s.namespace.labels.team: b}}
              ingress: [{fromEntities: [world]}]
            ---
            apiVersion: cilium.io/v2
            kind: CiliumClusterwideNetworkPolicy
            metadata: {name: everywhere}
            spec:
              endpointSelector: {}
              ingress: [{fromEntities: [world]}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, namespace: undeclared}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web}]}
            """;

    private CiliumNamespacesFixture() {
    }

    public static ManifestSet read() {
        return new ManifestReader().read(List.of(new SourceFile("v.yaml", YAML.getBytes(StandardCharsets.UTF_8))),
                "default");
    }
}
