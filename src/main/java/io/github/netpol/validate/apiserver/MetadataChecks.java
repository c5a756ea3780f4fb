package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.github.netpol.load.JsonPointer;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** ObjectMeta as the API server checks it: name, namespace, labels and annotations. */
final class MetadataChecks {

    private static final long MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private MetadataChecks() {
    }

    /**
     * @param subdomainName true when the name is a DNS-1123 subdomain (NetworkPolicy), false when a
     *                      DNS-1123 label (Namespace)
     */
    static void check(ObjectMeta meta, String kind, boolean subdomainName, FindingSink sink) {
        if (meta == null || isBlank(meta.getName())) {
            if (meta == null || isBlank(meta.getGenerateName())) {
                sink.error(FindingCode.MISSING_NAME, meta == null ? "" : "/metadata",
                        kind + " has no metadata.name; give it a name.");
            }
        } else {
            String problem = subdomainName ? NameFormats.dns1123Subdomain(meta.getName())
                    : NameFormats.dns1123Label(meta.getName());
            if (problem != null) {
                sink.error(FindingCode.INVALID_NAME, "/metadata/name", kind + " name '" + meta.getName() + "' " + problem
                        + (subdomainName ? " (a DNS-1123 subdomain)." : " (a DNS-1123 label)."));
            }
        }
        if (meta == null) {
            return;
        }
        if (meta.getNamespace() != null && !meta.getNamespace().isEmpty()) {
            String problem = NameFormats.dns1123Label(meta.getNamespace());
            if (problem != null) {
                sink.error(FindingCode.INVALID_NAMESPACE, "/metadata/namespace", "Namespace '" + meta.getNamespace() + "' "
                        + problem + " (a DNS-1123 label).");
            }
        }
        labels(meta.getLabels(), "/metadata/labels", sink);
        annotations(meta.getAnnotations(), sink);
    }

    /** Label keys and values, as in metadata.labels and selector matchLabels. */
    static void labels(Map<String, String> labels, String pointer, FindingSink sink) {
        if (labels == null) {
            return;
        }
        labels.forEach((key, value) -> {
            String at = JsonPointer.child(pointer, key);
            String keyProblem = NameFormats.qualifiedName(key);
            if (keyProblem != null) {
                sink.error(FindingCode.INVALID_LABEL_KEY, at, "Label key '" + key + "' " + keyProblem + ".");
            }
            String valueProblem = value == null ? null : NameFormats.labelValue(value);
            if (valueProblem != null) {
                sink.error(FindingCode.INVALID_LABEL_VALUE, at, "Label value '" + value + "' of key '" + key + "' "
                        + valueProblem + ".");
            }
        });
    }

    private static void annotations(Map<String, String> annotations, FindingSink sink) {
        if (annotations == null) {
            return;
        }
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            String problem = NameFormats.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT));
            if (problem != null) {
                sink.error(FindingCode.INVALID_ANNOTATION_KEY, JsonPointer.child("/metadata/annotations", e.getKey()),
                        "Annotation key '" + e.getKey() + "' " + problem + ".");
            }
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > MAX_ANNOTATIONS_BYTES) {
            sink.error(FindingCode.ANNOTATIONS_TOO_LARGE, "/metadata/annotations", "Annotations total " + size
                    + " bytes, more than the limit of 262144; shorten them.");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isEmpty();
    }
}
