package io.github.netpol.validate;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.ManifestLoader;
import io.github.netpol.load.ParsedFiles;
import io.github.netpol.load.SourceFile;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.model.ManifestReader;
import io.github.netpol.model.SharedReading;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.PolicyManifest;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import io.github.netpol.validate.apiserver.CrdChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two versions read sharing their documents and clean checks give each version the set and the findings it has
 * read alone, with every object at its own file's place; only documents of the same parse are shared, each once.
 */
class SharedReadingTest {

    private static final String POLICY_AND_WORKLOAD = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: api, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: api}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: 8080}]
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: api, namespace: shop}
            spec:
              selector: {matchLabels: {app: api}}
              template:
                metadata: {labels: {app: api}}
                spec:
                  containers:
                  - {name: api, image: api:1, ports: [{name: http, containerPort: 8080}]}
            """;
    private static final String LIST = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: networking.k8s.io/v1
              kind: NetworkPolicy
              metadata: {name: deny}
              spec: {podSelector: {}}
            - apiVersion: v1
              kind: Namespace
              metadata: {name: shop, labels: {team: a}}
            """;
    private static final String TYPED_LIST = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicyList
            items:
            - metadata: {name: typed, namespace: shop}
              spec: {podSelector: {}, policyTypes: [Egress]}
            """;
    private static final String OTHER_KINDS = """
            apiVersion: policy.networking.k8s.io/v1alpha1
            kind: AdminNetworkPolicy
            metadata: {name: admin}
            spec:
              priority: 10
              subject: {namespaces: {}}
              ingress:
              - {name: deny, action: Deny, from: [{namespaces: {}}]}
            ---
            apiVersion: cilium.io/v2
            kind: CiliumNetworkPolicy
            metadata: {name: cilium, namespace: shop}
            spec:
              endpointSelector: {matchLabels: {app: web}}
              ingress:
              - fromEndpoints: [{matchLabels: {app: api}}]
            ---
            apiVersion: projectcalico.org/v3
            kind: NetworkPolicy
            metadata: {name: calico, namespace: shop}
            spec: {selector: all()}
            """;
    /** An unknown field and a port the API server refuses: findings, so read again by each version. */
    private static final String REFUSED = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: refused, namespace: shop}
            spec:
              podSelector: {}
              ingres: []
              ingress:
              - ports: [{port: 70000}]
            """;
    /** Read by the model with a problem: a wrong type. */
    private static final String WRONG_TYPE = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: wrong, namespace: shop}
            spec: {podSelector: [], policyTypes: Ingress}
            """;
    private static final String WARNED = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: warned, namespace: shop}
            spec:
              selector: {matchLabels: {app: w}}
              template:
                metadata: {labels: {app: w}}
                spec:
                  containers: [{name: w, image: w:1, resources: {limitz: {}}}]
            """;

    private static List<SourceFile> version(String dir, String changedPolicy) {
        List<SourceFile> files = new ArrayList<>();
        files.add(file(dir + "/api.yaml", POLICY_AND_WORKLOAD));
        files.add(file(dir + "/list.yaml", LIST));
        files.add(file(dir + "/typed.yaml", TYPED_LIST));
        files.add(file(dir + "/other.yaml", OTHER_KINDS));
        files.add(file(dir + "/refused.yaml", REFUSED));
        files.add(file(dir + "/wrong.yaml", WRONG_TYPE));
        files.add(file(dir + "/warned.yaml", WARNED));
        files.add(file(dir + "/changed.yaml", changedPolicy));
        // the same content twice in one version
        files.add(file(dir + "/copy-of-api.yaml", POLICY_AND_WORKLOAD));
        return files;
    }

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final List<SourceFile> CURRENT = version("k8s", POLICY_AND_WORKLOAD.replace("8080", "9090"));
    private static final List<SourceFile> BASELINE = version("old", POLICY_AND_WORKLOAD);

    private static ReadVersion alone(List<SourceFile> files) {
        return ReadVersion.of(files, "default", new KubernetesObjects(), CrdChannel.STANDARD,
                SharedReading.Side.parsesOnly(new ParsedFiles()));
    }

    @Test
    void eachVersionHasTheSetAndFindingsItHasAloneWhicheverReadsFirst() {
        ReadVersion currentAlone = alone(CURRENT);
        ReadVersion baselineAlone = alone(BASELINE);
        assertThat(currentAlone.blockingErrors()).isNotEmpty();
        assertThat(currentAlone.set().policies()).hasSizeGreaterThan(3);

        for (boolean currentFirst : new boolean[] {true, false}) {
            Both both = readShared(currentFirst, "default");
            ReadVersion current = both.current();
            ReadVersion baseline = both.baseline();
            assertSame(current, currentAlone);
            assertSame(baseline, baselineAlone);
            // the second reader took the first one's objects: the same fabric8 policy, at its own file's place
            PolicyManifest now = policy(current.set(), "k8s/list.yaml");
            PolicyManifest then = policy(baseline.set(), "old/list.yaml");
            assertThat(then.policy()).isSameAs(now.policy());
            assertThat(then.origin().start().toString()).isEqualTo("old/list.yaml:4:3");
            assertThat(now.origin().start().toString()).isEqualTo("k8s/list.yaml:4:3");
        }
    }

    @Test
    void bothVersionsReadAtOnceGiveTheSameAsAlone() throws Exception {
        ReadVersion currentAlone = alone(CURRENT);
        ReadVersion baselineAlone = alone(BASELINE);
        for (int round = 0; round < 20; round++) {
            SharedReading shared = new SharedReading(new ParsedFiles());
            KubernetesObjects objects = new KubernetesObjects();
            CompletableFuture<ReadVersion> baseline = CompletableFuture.supplyAsync(() ->
                    ReadVersion.of(BASELINE, "default", objects, CrdChannel.STANDARD, shared.baseline()));
            ReadVersion current = ReadVersion.of(CURRENT, "default", objects, CrdChannel.STANDARD, shared.current());
            assertSame(current, currentAlone);
            assertSame(baseline.get(), baselineAlone);
        }
    }

    @Test
    void twoFilesOfTheSameContentInOneVersionKeepTheirOwnObjects() {
        Both both = readShared(true, "default");
        ReadVersion current = both.current();
        ReadVersion baseline = both.baseline();
        assertThat(policy(current.set(), "k8s/copy-of-api.yaml").policy())
                .isNotSameAs(policy(current.set(), "k8s/api.yaml").policy());
        // the baseline's two copies took one each
        assertThat(policy(baseline.set(), "old/copy-of-api.yaml").policy())
                .isNotSameAs(policy(baseline.set(), "old/api.yaml").policy());
    }

    @Test
    void aDocumentReadWithAProblemIsReportedByEachVersionAtItsOwnFile() {
        Both both = readShared(true, "default");
        ReadVersion current = both.current();
        ReadVersion baseline = both.baseline();
        assertThat(current.blockingErrors()).extracting(f -> f.location().file())
                .contains("k8s/refused.yaml", "k8s/wrong.yaml").noneMatch(f -> f.startsWith("old/"));
        assertThat(baseline.blockingErrors()).extracting(f -> f.location().file())
                .contains("old/refused.yaml", "old/wrong.yaml").noneMatch(f -> f.startsWith("k8s/"));
    }

    @Test
    void aDifferentDefaultNamespaceIsNotShared() {
        Both both = readShared(true, "other");
        ReadVersion current = both.current();
        ReadVersion baseline = both.baseline();
        assertThat(policy(baseline.set(), "old/list.yaml").namespace()).isEqualTo("other");
        assertThat(policy(current.set(), "k8s/list.yaml").namespace()).isEqualTo("default");
    }

    @Test
    void theValidatorsWarningsAndErrorsAreTheSameInOrderWhenChecksAreShared() {
        SharedReading shared = new SharedReading(new ParsedFiles());
        KubernetesObjects objects = new KubernetesObjects();
        ManifestSet current = new ManifestReader(objects).read(new ManifestLoader(shared.current().parsed()).load(CURRENT),
                "default", shared.current());
        ManifestSet baseline = new ManifestReader(objects).read(
                new ManifestLoader(shared.baseline().parsed()).load(BASELINE), "default", shared.baseline());
        List<Finding> currentAlone = new ApiServerValidator(objects).validate(current);
        List<Finding> baselineAlone = new ApiServerValidator(objects).validate(baseline);
        assertThat(currentAlone).extracting(Finding::severity).contains(Severity.WARNING, Severity.ERROR);

        List<Finding> baselineShared = new ApiServerValidator(objects).validate(baseline, shared.baseline());
        List<Finding> currentShared = new ApiServerValidator(objects).validate(current, shared.current());
        assertThat(positions(baselineShared)).isEqualTo(positions(baselineAlone));
        assertThat(positions(currentShared)).isEqualTo(positions(currentAlone));
        assertThat(currentShared).isEqualTo(currentAlone);
        assertThat(baselineShared).isEqualTo(baselineAlone);
    }

    private record Both(ReadVersion current, ReadVersion baseline) {
    }

    /** Both versions read one after the other, sharing, the baseline with its own default namespace. */
    private static Both readShared(boolean currentFirst, String baselineNamespace) {
        SharedReading shared = new SharedReading(new ParsedFiles());
        KubernetesObjects objects = new KubernetesObjects();
        Supplier<ReadVersion> current = () -> ReadVersion.of(CURRENT, "default", objects, CrdChannel.STANDARD,
                shared.current());
        Supplier<ReadVersion> baseline = () -> ReadVersion.of(BASELINE, baselineNamespace, objects, CrdChannel.STANDARD,
                shared.baseline());
        if (currentFirst) {
            ReadVersion first = current.get();
            return new Both(first, baseline.get());
        }
        ReadVersion first = baseline.get();
        return new Both(current.get(), first);
    }

    private static PolicyManifest policy(ManifestSet set, String file) {
        return set.policies().stream().filter(p -> p.origin().file().equals(file)).findFirst().orElseThrow();
    }

    private static void assertSame(ReadVersion shared, ReadVersion alone) {
        ManifestSet a = shared.set();
        ManifestSet b = alone.set();
        assertThat(a.policies()).isEqualTo(b.policies());
        assertThat(a.namespaces()).isEqualTo(b.namespaces());
        assertThat(a.workloads()).isEqualTo(b.workloads());
        assertThat(a.unsupported()).isEqualTo(b.unsupported());
        assertThat(a.tierPolicies()).isEqualTo(b.tierPolicies());
        assertThat(a.ciliumPolicies()).isEqualTo(b.ciliumPolicies());
        assertThat(a.objects()).isEqualTo(b.objects());
        assertThat(a.problems()).isEqualTo(b.problems());
        assertThat(shared.blockingErrors()).isEqualTo(alone.blockingErrors());
        assertThat(positions(shared.blockingErrors())).isEqualTo(positions(alone.blockingErrors()));
        assertThat(a).isEqualTo(b);
    }

    private static List<String> positions(List<Finding> findings) {
        return findings.stream().map(f -> f.location() + " " + f.message()).toList();
    }
}
