package io.github.netpol.load;

import java.nio.charset.StandardCharsets;

/** The manifests and files the loader's tests read. */
final class LoadFixtures {

    /** A NetworkPolicy, seven lines. */
    static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: deny
              namespace: shop
            spec:
              podSelector: {}
            """;

    /** {@link #POLICY}, then its Namespace, whose quoted label key is on line 13. */
    static final String POLICY_AND_NAMESPACE = POLICY + """
            ---
            apiVersion: v1
            kind: Namespace
            metadata:
              name: shop
              labels: {team: a, "quoted key": 'x'}
            """;

    private LoadFixtures() {
    }

    static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }
}
