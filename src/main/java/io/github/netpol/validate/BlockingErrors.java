package io.github.netpol.validate;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.Severity;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.model.KubernetesObjects;
import io.github.netpol.validate.apiserver.ApiServerValidator;
import io.github.netpol.validate.apiserver.CrdChannel;

import java.util.ArrayList;
import java.util.List;

/**
 * The errors that make a set of manifests unfit to analyse: what loading refused and what the API server
 * would reject. Goals that compute connectivity fail closed on them instead of judging a guess.
 */
public final class BlockingErrors {

    private BlockingErrors() {
    }

    /** @param collectProblems problems met while collecting the files (e.g. a file too large) */
    public static List<Finding> of(List<Finding> collectProblems, ManifestSet set) {
        return of(collectProblems, set, CrdChannel.STANDARD);
    }

    /** @param channel the channel of the Network Policy API CRDs the cluster runs */
    public static List<Finding> of(List<Finding> collectProblems, ManifestSet set, CrdChannel channel) {
        List<Finding> all = new ArrayList<>(collectProblems);
        all.addAll(set.problems());
        return of(all, new ApiServerValidator(new KubernetesObjects(), channel).validate(set));
    }

    /** The errors among problems already found and the API server's findings already computed. */
    public static List<Finding> of(List<Finding> problems, List<Finding> apiServerFindings) {
        List<Finding> all = new ArrayList<>(problems);
        all.addAll(apiServerFindings);
        return all.stream().filter(f -> f.severity() == Severity.ERROR).toList();
    }
}
