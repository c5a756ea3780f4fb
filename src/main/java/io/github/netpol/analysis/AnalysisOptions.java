package io.github.netpol.analysis;

/**
 * How the analysis treats namespaces.
 *
 * @param namespaceLabels {@code DECLARED}: a declared Namespace has exactly its declared labels;
 *                        {@code ANY}: every namespace may carry any labels (SPEC {@code netpol.namespaceLabels})
 */
public record AnalysisOptions(NamespaceLabels namespaceLabels) {

    public enum NamespaceLabels { DECLARED, ANY }

    public static AnalysisOptions defaults() {
        return new AnalysisOptions(NamespaceLabels.DECLARED);
    }
}
