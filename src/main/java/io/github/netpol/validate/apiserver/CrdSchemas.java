package io.github.netpol.validate.apiserver;

import io.github.netpol.load.YamlLimits;
import io.github.netpol.model.semantics.TierPolicy;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenAPI schemas of the Network Policy API CRDs and of the two Cilium policy CRDs, copied verbatim from the upstream releases into the
 * plugin's resources (see the README there). Each is parsed on first use only, so a build without these kinds
 * pays nothing; a parsed schema is a constant, shared by every run.
 */
final class CrdSchemas {

    private static final String BASE = "/io/github/netpol/validate/apiserver/crd/";

    private CrdSchemas() {
    }

    /** The {@code openAPIV3Schema} of the kind at its analysed version, for a channel. */
    static Map<String, Object> schema(TierPolicy.Kind kind, CrdChannel channel) {
        boolean standard = channel == CrdChannel.STANDARD;
        return switch (kind) {
            case CLUSTER_NETWORK_POLICY -> standard ? CnpStandard.SCHEMA : CnpExperimental.SCHEMA;
            case ADMIN_NETWORK_POLICY -> standard ? AnpStandard.SCHEMA : AnpExperimental.SCHEMA;
            case BASELINE_ADMIN_NETWORK_POLICY -> standard ? BanpStandard.SCHEMA : BanpExperimental.SCHEMA;
        };
    }

    /** The resource path of a kind's CRD in a channel, e.g. for the test that every CEL rule is implemented. */
    static String resource(TierPolicy.Kind kind, CrdChannel channel) {
        String release = kind == TierPolicy.Kind.CLUSTER_NETWORK_POLICY ? "v0.2.0" : "v0.1.7";
        String plural = switch (kind) {
            case CLUSTER_NETWORK_POLICY -> "clusternetworkpolicies";
            case ADMIN_NETWORK_POLICY -> "adminnetworkpolicies";
            case BASELINE_ADMIN_NETWORK_POLICY -> "baselineadminnetworkpolicies";
        };
        return BASE + release + "/" + channel.word() + "/policy.networking.k8s.io_" + plural + ".yaml";
    }

    /** The {@code openAPIV3Schema} of CiliumNetworkPolicy or CiliumClusterwideNetworkPolicy at {@code cilium.io/v2}. */
    static Map<String, Object> cilium(boolean clusterwide) {
        return clusterwide ? Ccnp.SCHEMA : Cnp.SCHEMA;
    }

    private static Map<String, Object> load(TierPolicy.Kind kind, CrdChannel channel) {
        return load(resource(kind, channel), kind.apiVersion());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String resource, String apiVersion) {
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the plugin's jar lacks " + resource);
            }
            Map<String, Object> crd = new Yaml(new SafeConstructor(YamlLimits.options(1024 * 1024)))
                    .load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
            for (Object v : (List<Object>) ((Map<String, Object>) crd.get("spec")).get("versions")) {
                Map<String, Object> served = (Map<String, Object>) v;
                if (version.equals(served.get("name"))) {
                    return (Map<String, Object>) frozen(
                            ((Map<String, Object>) served.get("schema")).get("openAPIV3Schema"));
                }
            }
            throw new IllegalStateException(resource + " does not serve " + apiVersion);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** A deep copy no one can change: the schemas are constants shared by every build of the JVM. */
    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    // one holder a file: the JVM loads each on first use, once, safely from any thread

    private static final class CnpStandard {
        static final Map<String, Object> SCHEMA = load(TierPolicy.Kind.CLUSTER_NETWORK_POLICY, CrdChannel.STANDARD);
    }

    private static final class CnpExperimental {
        static final Map<String, Object> SCHEMA = load(TierPolicy.Kind.CLUSTER_NETWORK_POLICY, CrdChannel.EXPERIMENTAL);
    }

    private static final class AnpStandard {
        static final Map<String, Object> SCHEMA = load(TierPolicy.Kind.ADMIN_NETWORK_POLICY, CrdChannel.STANDARD);
    }

    private static final class AnpExperimental {
        static final Map<String, Object> SCHEMA = load(TierPolicy.Kind.ADMIN_NETWORK_POLICY, CrdChannel.EXPERIMENTAL);
    }

    private static final class BanpStandard {
        static final Map<String, Object> SCHEMA = load(TierPolicy.Kind.BASELINE_ADMIN_NETWORK_POLICY, CrdChannel.STANDARD);
    }

    private static final class BanpExperimental {
        static final Map<String, Object> SCHEMA = load(TierPolicy.Kind.BASELINE_ADMIN_NETWORK_POLICY,
                CrdChannel.EXPERIMENTAL);
    }

    private static final class Cnp {
        static final Map<String, Object> SCHEMA = load(BASE + "cilium/ciliumnetworkpolicies.yaml", "cilium.io/v2");
    }

    private static final class Ccnp {
        static final Map<String, Object> SCHEMA = load(BASE + "cilium/ciliumclusterwidenetworkpolicies.yaml",
                "cilium.io/v2");
    }
}
