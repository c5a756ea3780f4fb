package io.github.netpol.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ReplicationController;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.github.netpol.analysis.oracle.PeerCorpus;
import io.github.netpol.bench.ChangeGenerator;
import io.github.netpol.bench.RepositoryGenerator;
import io.github.netpol.bench.ShapeGenerator;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.RawDocument;
import io.github.netpol.load.SourceFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The objects the reader builds without Jackson are the ones Jackson's {@code convertValue} builds, and the walk
 * calls a value doubtful wherever Jackson might refuse what the walk accepts: over every manifest of the test
 * resources, the examples, the ITs, the peer corpus (when present), generated repositories and hand-made edge
 * cases (integers beyond 32 bits, quantities, {@code null} items, managedFields, unknown fields).
 */
class KubernetesObjectsTest {

    private static final ObjectMapper JACKSON = KubernetesMapper.create();

    private static final String EDGE_CASES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: long-end-port, namespace: a, generation: 3, deletionGracePeriodSeconds: 30}
            spec: {podSelector: {}, ingress: [{ports: [{port: 80, endPort: 99999999999}]}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: long-port}
            spec: {podSelector: {}, egress: [{ports: [{port: 99999999999}]}]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: nulls, labels: {a: b, c: null}, annotations: null, finalizers: [x, null]}
            spec: {podSelector: null, ingress: [null, {from: [null, {podSelector: {matchLabels: {x: null}}}], ports: null}],
                   egress: null, policyTypes: [Ingress, null]}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: status}
            spec: {podSelector: {}}
            status: {}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: exported
              uid: 0b9e6d8c
              resourceVersion: "42"
              creationTimestamp: "2024-01-01T00:00:00Z"
              managedFields: [{manager: kubectl, operation: Apply, fieldsV1: {f:spec: {}}}]
              ownerReferences: [{apiVersion: v1, kind: ConfigMap, name: x, uid: y}]
            spec:
              podSelector: {matchExpressions: [{key: app, operator: In, values: [a, b]}]}
              ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}, colour: red}]}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: bad-fields-v1, managedFields: [{fieldsV1: 3}]}
            spec: {podSelector: {}}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: ns, labels: {team: a}, annotations: {x: y}, generation: 2}
            spec: {finalizers: [kubernetes]}
            status: {phase: Active}
            ---
            apiVersion: v1
            kind: Namespace
            metadata: {name: exported, managedFields: [{manager: kubectl}], ownerReferences: []}
            ---
            apiVersion: v1
            kind: Namespace
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: quantities, namespace: a, annotations: {netpol.io/ignore: x}}
            spec:
              replicas: 3
              template:
                metadata: {labels: {app: q}}
                spec:
                  hostNetwork: true
                  containers:
                  - name: c
                    resources: {limits: {cpu: 100m, memory: 1Gi, x: 2}, requests: {cpu: 0.5}}
                    ports: [{containerPort: 80, name: http}, null, {containerPort: 81, protocol: UDP}]
                  - null
                  initContainers:
                  - {name: sidecar, restartPolicy: Always, ports: [{containerPort: 9000}]}
                  - {name: init, ports: [{containerPort: 9001}]}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: bad-quantity}
            spec: {template: {spec: {containers: [{name: c, resources: {limits: {cpu: lots}}}]}}}
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: long-replicas}
            spec: {replicas: 99999999999, template: {spec: {terminationGracePeriodSeconds: 99999999999}}}
            ---
            apiVersion: batch/v1
            kind: CronJob
            metadata: {name: cron}
            spec: {schedule: "* * * * *", jobTemplate: {spec: {template: {metadata: {labels: {a: b}},
                   spec: {containers: [{name: c, ports: [{containerPort: 8080, name: web}]}]}}}}}
            ---
            apiVersion: v1
            kind: Pod
            metadata: {name: pod, labels: {app: p}}
            spec: {containers: [{name: c, ports: [{containerPort: 1}]}], overhead: {cpu: 1}}
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: empty}
            spec: null
            """;

    @Test
    void theObjectsAreJacksonsAndTheDoubtsCoverWhatJacksonRefuses() throws IOException {
        int[] counts = new int[5];
        for (SourceFile file : corpus()) {
            for (RawDocument doc : new ManifestLoader().load(List.of(file)).documents()) {
                objects(doc.tree(), file.path(), counts);
            }
        }
        // policies, namespaces, workloads, doubtful ones, Jackson refusals
        String seen = java.util.Arrays.toString(counts);
        assertThat(counts[0]).as("policies %s", seen).isGreaterThan(800);
        assertThat(counts[1]).as("namespaces %s", seen).isGreaterThan(100);
        assertThat(counts[2]).as("workloads %s", seen).isGreaterThan(1_000);
        assertThat(counts[3]).as("doubtful objects %s", seen).isGreaterThanOrEqualTo(5);
        assertThat(counts[4]).as("objects Jackson refuses %s", seen).isGreaterThanOrEqualTo(4);
    }

    @SuppressWarnings("unchecked")
    private static void objects(Object tree, String where, int[] counts) {
        if (!(tree instanceof Map<?, ?> m) || !(m.get("kind") instanceof String kind)
                || !(m.get("apiVersion") instanceof String apiVersion)) {
            return;
        }
        Map<String, Object> raw = (Map<String, Object>) m;
        if (kind.endsWith("List") && raw.get("items") instanceof List<?> items) {
            items.forEach(i -> objects(i, where, counts));
            return;
        }
        Optional<KubernetesKinds.Known> known = KubernetesKinds.known(kind).filter(k -> k.apiVersion().equals(apiVersion));
        if (known.isEmpty()) {
            return;
        }
        boolean[] wrong = {false};
        boolean[] doubtful = {false};
        new SchemaWalker().walk(known.get().type(), raw, "", new SchemaWalker.Visitor() {
            @Override
            public void wrongType(String pointer, String expected, Object actual) {
                wrong[0] = true;
            }

            @Override
            public void doubtful(String pointer) {
                doubtful[0] = true;
            }
        });
        if (wrong[0]) {
            return;
        }
        String name = where + " " + kind + " " + ManifestReader.nameOf(raw);
        Object expected;
        try {
            expected = JACKSON.convertValue(raw, known.get().type());
        } catch (IllegalArgumentException e) {
            assertThat(doubtful[0]).as("%s: Jackson refuses it (%s), so the walk must doubt it", name, e.getMessage())
                    .isTrue();
            counts[4]++;
            expected = null;
        }
        counts[3] += doubtful[0] ? 1 : 0;
        KubernetesObjects objects = new KubernetesObjects();
        KubernetesObjects.Conversion check = known.get().type() == NetworkPolicy.class
                ? objects.networkPolicy(raw, doubtful[0]) : objects.check(raw, known.get().type(), doubtful[0]);
        if (expected == null) {
            assertThat(check).as(name).isInstanceOf(KubernetesObjects.Refused.class);
            return;
        }
        assertThat(check).as(name).isInstanceOf(KubernetesObjects.Converted.class);
        if (expected instanceof NetworkPolicy policy) {
            counts[0]++;
            assertThat(((KubernetesObjects.Converted) check).value()).as(name).isEqualTo(policy);
        } else if (expected instanceof Namespace namespace) {
            counts[1]++;
            assertThat(objects.metadata(raw)).as(name).isEqualTo(namespace.getMetadata());
        } else {
            counts[2]++;
            List<String> nullItems = new ArrayList<>();
            WorkloadManifest fromRaw = WorkloadExtractor.extract(kind, raw, "ns", false, null, nullItems::add);
            List<String> expectedNullItems = new ArrayList<>();
            WorkloadManifest fromObject = fromFabric8((HasMetadata) expected, expectedNullItems::add);
            assertThat(fromRaw).as(name).isEqualTo(fromObject);
            assertThat(nullItems).as(name).isEqualTo(expectedNullItems);
        }
    }

    /** Every manifest the project's tests and examples hold, the peer corpus, and generated repositories. */
    private static List<SourceFile> corpus() throws IOException {
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile("edge-cases.yaml", EDGE_CASES.getBytes(StandardCharsets.UTF_8)));
        List<Path> roots = new ArrayList<>(List.of(Path.of("src/test/resources"), Path.of("examples"), Path.of("src/it")));
        PeerCorpus.locate("DIRS.json").ifPresent(p -> roots.add(p.resolve("tests")));
        for (Path root : roots) {
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : paths.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                        .sorted().toList()) {
                    files.add(new SourceFile(p.toString(), Files.readAllBytes(p)));
                }
            }
        }
        RepositoryGenerator.Repository repository = new RepositoryGenerator().generate(60);
        Map<String, String> generated = new TreeMap<>(repository.files());
        new ChangeGenerator().change(repository).files().forEach((k, v) -> generated.put("changed/" + k, v));
        for (ShapeGenerator.Shape shape : ShapeGenerator.Shape.values()) {
            new ShapeGenerator().generate(shape, 30).current().forEach((k, v) -> generated.put(shape.label() + "/" + k, v));
        }
        generated.forEach((k, v) -> files.add(new SourceFile(k, v.getBytes(StandardCharsets.UTF_8))));
        return files;
    }

    // ---- the extraction as it was, from Jackson's fabric8 object ----

    private static WorkloadManifest fromFabric8(HasMetadata object, java.util.function.Consumer<String> nullItem) {
        ObjectMeta podMeta;
        PodSpec podSpec;
        if (object instanceof Pod pod) {
            podMeta = pod.getMetadata();
            podSpec = pod.getSpec();
        } else {
            PodTemplateSpec template = template(object);
            podMeta = template == null ? null : template.getMetadata();
            podSpec = template == null ? null : template.getSpec();
        }
        Map<String, String> labels = podMeta == null || podMeta.getLabels() == null ? Map.of() : podMeta.getLabels();
        List<ContainerPort> ports = new ArrayList<>();
        boolean hostNetwork = false;
        if (podSpec != null) {
            hostNetwork = Boolean.TRUE.equals(podSpec.getHostNetwork());
            String at = object instanceof Pod ? "/spec"
                    : object instanceof CronJob ? "/spec/jobTemplate/spec/template/spec" : "/spec/template/spec";
            addPorts(podSpec.getContainers(), at + "/containers", false, ports, nullItem);
            addPorts(podSpec.getInitContainers(), at + "/initContainers", true, ports, nullItem);
        }
        String name = object.getMetadata() == null ? null : object.getMetadata().getName();
        Map<String, String> annotations = object.getMetadata() == null || object.getMetadata().getAnnotations() == null
                ? Map.of() : object.getMetadata().getAnnotations();
        return new WorkloadManifest(object.getKind(), "ns", name, false, labels, ports, hostNetwork, annotations, null);
    }

    private static void addPorts(List<Container> containers, String pointer, boolean sidecarsOnly,
                                 List<ContainerPort> ports, java.util.function.Consumer<String> nullItem) {
        if (containers == null) {
            return;
        }
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            if (container == null) {
                nullItem.accept(pointer + "/" + i);
                continue;
            }
            if (container.getPorts() == null || sidecarsOnly && !"Always".equals(container.getRestartPolicy())) {
                continue;
            }
            for (int j = 0; j < container.getPorts().size(); j++) {
                io.fabric8.kubernetes.api.model.ContainerPort p = container.getPorts().get(j);
                if (p == null) {
                    nullItem.accept(pointer + "/" + i + "/ports/" + j);
                } else if (p.getContainerPort() != null) {
                    ports.add(new ContainerPort(p.getName(), p.getProtocol(), p.getContainerPort()));
                }
            }
        }
    }

    private static PodTemplateSpec template(HasMetadata object) {
        if (object instanceof Deployment d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        } else if (object instanceof ReplicaSet r) {
            return r.getSpec() == null ? null : r.getSpec().getTemplate();
        } else if (object instanceof StatefulSet s) {
            return s.getSpec() == null ? null : s.getSpec().getTemplate();
        } else if (object instanceof DaemonSet d) {
            return d.getSpec() == null ? null : d.getSpec().getTemplate();
        } else if (object instanceof Job j) {
            return j.getSpec() == null ? null : j.getSpec().getTemplate();
        } else if (object instanceof ReplicationController rc) {
            return rc.getSpec() == null ? null : rc.getSpec().getTemplate();
        } else if (object instanceof CronJob c) {
            var jt = c.getSpec() == null ? null : c.getSpec().getJobTemplate();
            return jt == null || jt.getSpec() == null ? null : jt.getSpec().getTemplate();
        }
        return null;
    }
}
