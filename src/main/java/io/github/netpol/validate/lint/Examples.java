package io.github.netpol.validate.lint;

import java.util.stream.Collectors;

/** Builds the full manifests of the rules' before/after examples, so each rule writes only what matters. */
public final class Examples {
    private Examples() {
    }

    /** A NetworkPolicy {@code shop/api} whose {@code spec} is {@code spec} (written unindented). */
    public static String policy(String spec) {
        return policy("api", spec);
    }

    public static String policy(String name, String spec) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: %s
                  namespace: shop
                spec:
                """.formatted(name) + indent(spec);
    }

    /** A Deployment in {@code shop} with pod label {@code app: <app>} and one TCP container port. */
    public static String deployment(String app, String portName, int port) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: %1$s
                  namespace: shop
                spec:
                  selector:
                    matchLabels:
                      app: %1$s
                  template:
                    metadata:
                      labels:
                        app: %1$s
                    spec:
                      containers:
                      - name: main
                        image: example/%1$s
                        ports:
                        - name: %2$s
                          containerPort: %3$d
                """.formatted(app, portName, port);
    }

    /** Joins documents of one file. */
    public static String docs(String... documents) {
        return String.join("---\n", documents);
    }

    /** Indents every non-empty line by two spaces: a block written unindented, nested one level. */
    public static String indent(String text) {
        return text.lines().map(l -> l.isEmpty() ? l : "  " + l).collect(Collectors.joining("\n", "", "\n"));
    }
}
