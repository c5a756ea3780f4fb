package io.github.netpol.validate.lint.repository;

import io.github.netpol.model.WorkloadManifest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The workload list in port and hostNetwork messages. */
class WorkloadNamesTest {

    @Test
    void aWorkloadDeclaredInSeveralFilesIsNamedOnce() {
        WorkloadManifest web = workload("web");
        assertThat(NamedPortNotDeclaredRule.names(List.of(web, web, workload("api"), web)))
                .isEqualTo("shop/Deployment/web, shop/Deployment/api");
    }

    @Test
    void moreThanFiveDistinctWorkloadsAreCutShort() {
        List<WorkloadManifest> six = IntStream.range(0, 6).mapToObj(i -> workload("w" + i)).toList();
        assertThat(NamedPortNotDeclaredRule.names(six))
                .isEqualTo("shop/Deployment/w0, shop/Deployment/w1, shop/Deployment/w2, shop/Deployment/w3, shop/Deployment/w4, ...");
        assertThat(NamedPortNotDeclaredRule.names(six.subList(0, 5))).doesNotEndWith("...");
    }

    private static WorkloadManifest workload(String name) {
        return new WorkloadManifest("Deployment", "shop", name, false, Map.of("app", name), List.of(), false, null);
    }
}
