package io.github.netpol.maven;

import java.util.List;

/**
 * One {@code <render>} of the {@code renders} parameter: an environment made by rendering a Kustomize directory or a
 * local Helm chart. Maven fills it by field name, so it stays a plain mutable bean.
 *
 * <pre>{@code
 * <render>
 *   <name>prod</name>                               <!-- default: the directory's name -->
 *   <path>charts/shop</path>                        <!-- a Kustomize directory or a chart -->
 *   <kind>helm</kind>                               <!-- optional: kustomize or helm, checked against the directory -->
 *   <valuesFiles><valuesFile>charts/shop/values-prod.yaml</valuesFile></valuesFiles>
 *   <set><value>networkPolicy.port=9090</value></set>
 *   <releaseName>shop</releaseName>                 <!-- default: the chart directory's name -->
 *   <namespace>shop</namespace>                     <!-- default: netpol.defaultNamespace -->
 * </render>
 * }</pre>
 */
public class RenderConfiguration {

    private String name;
    private String path;
    private String kind;
    private List<String> valuesFiles;
    private List<String> set;
    private String releaseName;
    private String namespace;
    private String loadRestrictor;

    public RenderConfiguration() {
    }

    RenderConfiguration(String name, String path) {
        this.name = name;
        this.path = path;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public String getKind() {
        return kind;
    }

    public List<String> getValuesFiles() {
        return valuesFiles == null ? List.of() : valuesFiles;
    }

    public List<String> getSet() {
        return set == null ? List.of() : set;
    }

    public String getReleaseName() {
        return releaseName;
    }

    public String getNamespace() {
        return namespace;
    }

    public String getLoadRestrictor() {
        return loadRestrictor;
    }
}
