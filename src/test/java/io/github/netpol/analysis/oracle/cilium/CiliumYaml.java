package io.github.netpol.analysis.oracle.cilium;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Raw YAML documents as maps, the way the oracle reads policies (safe constructor, no types). */
public final class CiliumYaml {

    private CiliumYaml() {
    }

    /** A NetworkPolicy from its YAML, bound the way the fabric8 model binds it. */
    public static io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy networkPolicy(String yaml) {
        return new com.fasterxml.jackson.databind.ObjectMapper().convertValue(load(yaml).get(0),
                io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class);
    }

    /** Every non-empty document of the text. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> load(String text) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
            if (doc != null) {
                out.add((Map<String, Object>) doc);
            }
        }
        return out;
    }
}
