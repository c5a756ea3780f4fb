package io.github.netpol.validate.lint.tiers;

import io.github.netpol.model.TierPolicyManifest;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import java.util.Map;
import java.util.stream.Collectors;

/** Parts of a tier policy as written, as YAML for a message's paste-safe block. */
final class TierYaml {
    private TierYaml() {
    }

    /** The policy's {@code spec.subject} as block YAML, each line indented by {@code indent}. */
    static String subject(TierPolicyManifest manifest, String indent) {
        Object subject = manifest.raw().get("spec") instanceof Map<?, ?> spec ? spec.get("subject") : null;
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        String text = new Yaml(options).dump(subject == null ? Map.of("namespaces", Map.of()) : subject);
        return text.lines().map(l -> indent + l).collect(Collectors.joining("\n"));
    }
}
