package io.github.netpol.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies the edit a reviewer typically sees in one pull request to a generated repository: one rule
 * widened (a database admits every pod of every namespace instead of its API tier), one rule narrowed
 * (the web tier's external range loses a private range) and one namespace relabelled (a dev namespace
 * becomes prod, which changes what every {@code env NotIn [prod]} selector matches).
 */
public final class ChangeGenerator {

    /** A copy of {@code repository} with the three edits; each edit lands in a different namespace. */
    public RepositoryGenerator.Repository change(RepositoryGenerator.Repository repository) {
        int apps = repository.namespaces() - 3;
        Map<String, String> files = new LinkedHashMap<>(repository.files());
        String widened = RepositoryGenerator.name(apps / 2);
        String narrowed = RepositoryGenerator.name(Math.min(apps - 1, apps / 2 + 1));
        String relabelled = RepositoryGenerator.name(devNamespace(apps));
        editPolicy(files, widened, "db-ingress", """
                    - from:
                        - podSelector:
                            matchLabels:
                              tier: api
                """, """
                    - from:
                        - namespaceSelector: {}
                """);
        editPolicy(files, narrowed, "web-ingress", """
                              - 169.254.169.254/32
                """, """
                              - 169.254.169.254/32
                              - 192.168.0.0/16
                """);
        String nsFile = "apps/" + relabelled + "/namespace.yaml";
        files.put(nsFile, replaceOnce(files.get(nsFile), "env: dev\n", "env: prod\n"));
        return new RepositoryGenerator.Repository(files, repository.policies(), repository.workloads(), repository.namespaces());
    }

    /** The last application namespace labelled env=dev (every third namespace, starting with the third). */
    private static int devNamespace(int apps) {
        for (int n = apps - 1; n >= 0; n--) {
            if (n % 3 == 2) {
                return n;
            }
        }
        throw new IllegalArgumentException("a change needs at least three application namespaces, got " + apps);
    }

    private static void editPolicy(Map<String, String> files, String ns, String policy, String from, String to) {
        String path = "apps/" + ns + "/policies.yaml";
        String text = files.get(path);
        int start = text.indexOf("name: " + policy + "\n");
        int end = text.indexOf("---\n", start);
        String doc = text.substring(start, end < 0 ? text.length() : end);
        files.put(path, text.substring(0, start) + replaceOnce(doc, from, to) + (end < 0 ? "" : text.substring(end)));
    }

    private static String replaceOnce(String text, String from, String to) {
        int at = text.indexOf(from);
        if (at < 0 || text.indexOf(from, at + 1) >= 0) {
            throw new IllegalStateException("the edit expects exactly one occurrence of:\n" + from);
        }
        return text.substring(0, at) + to + text.substring(at + from.length());
    }
}
