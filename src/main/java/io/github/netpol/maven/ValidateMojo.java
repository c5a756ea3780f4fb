package io.github.netpol.maven;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.load.CollectedSources;
import io.github.netpol.load.SourceEnvironment;
import io.github.netpol.load.SourceFile;
import io.github.netpol.report.ConsoleFormatter;
import io.github.netpol.report.ReportInput;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import io.github.netpol.validate.ValidationRun;
import io.github.netpol.validate.lint.IsolationDirections;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.engine.LintRules;
import io.github.netpol.validate.lint.LintRuleLevel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loads every manifest under the sources, applies the Kubernetes API server's validation and the lint
 * rules to it ({@link ValidationRun}); fails the build on any finding at {@code failOnSeverity} or worse.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractNetpolMojo {

    static final String GOAL = "validate";

    /** Severity per lint rule: {@code <rule><id>policy-types-omitted</id><severity>off</severity></rule>}. */
    @Parameter
    private List<LintRuleSeverity> rules;

    /** The same from the command line: {@code id:severity,id:severity}; wins over {@code rules}. */
    @Parameter(property = "netpol.rules")
    private String ruleSeverities;

    /** The least severity that fails the build: {@code error} (default), {@code warning} or {@code info}. */
    @Parameter(property = "netpol.failOnSeverity", defaultValue = "error")
    private String failOnSeverity;

    /** The cluster's pod CIDRs; ipBlocks overlapping them are flagged (pod IPs in ipBlocks are implementation-defined). */
    @Parameter(property = "netpol.podCidrs")
    private List<String> podCidrs;

    /** The cluster's service CIDRs; ipBlocks overlapping them are flagged. */
    @Parameter(property = "netpol.serviceCidrs")
    private List<String> serviceCidrs;

    /** The nodes' CIDRs; ipBlocks overlapping them are flagged. */
    @Parameter(property = "netpol.nodeCidrs")
    private List<String> nodeCidrs;

    /**
     * Namespaces (globs, {@code !} excludes, {@code none} turns it off) that must be default-deny; empty means
     * every namespace the sources declare or that has a policy or workload.
     */
    @Parameter(property = "netpol.requireIsolation")
    private List<String> requireIsolation;

    /** Which isolation {@code requireIsolation} demands: {@code ingress}, {@code egress} or {@code both}. */
    @Parameter(property = "netpol.requireIsolationDirections", defaultValue = "ingress")
    private String requireIsolationDirections;

    // the numbers are strings so that a word is refused with the parameter's name and the values allowed

    /** Port ranges ({@code port}..{@code endPort}) wider than this are flagged. */
    @Parameter(property = "netpol.maxPortRange", defaultValue = "1024")
    private String maxPortRange;

    /** IPv4 ipBlocks with a shorter prefix are flagged as very wide. */
    @Parameter(property = "netpol.minPrefixLengthV4", defaultValue = "8")
    private String minPrefixLengthV4;

    /** IPv6 ipBlocks with a shorter prefix are flagged as very wide. */
    @Parameter(property = "netpol.minPrefixLengthV6", defaultValue = "32")
    private String minPrefixLengthV6;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        StageTimes times = new StageTimes(GOAL);
        ValidateSettings settings = settings();
        List<SourceEnvironment> environments = environments(settings.common());
        List<SourceFile> files = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (SourceEnvironment env : environments) {
            CollectedSources collected = env.sources();
            for (Path missing : collected.missing()) {
                getLog().warn("netpol: source " + missing + " does not exist; there is nothing to validate there");
            }
            if (env.name() == null && collected.files().isEmpty() && collected.problems().isEmpty()
                    && collected.missing().size() < settings.common().render().plan().plain().size()) {
                getLog().warn("netpol: no manifests (*.yaml, *.yml, *.json) found under "
                        + settings.common().render().plan().plain());
            }
            files.addAll(collected.files());
            problems.addAll(collected.problems());
        }
        String digest = inputDigest(GOAL, settings).files("sources", files)
                .text("sourceProblems", problems.toString()).hex();
        if (upToDate(GOAL, digest)) {
            return;
        }
        times.mark("sources collected and digest");
        List<Finding> findings = new ArrayList<>();
        List<ValidationRun> runs = new ArrayList<>();
        for (SourceEnvironment env : environments) {
            ValidationRun run;
            try {
                run = ValidationRun.of(env.sources(), settings.common().defaultNamespace(), settings.lint(),
                        settings.common().channel(), parseStore());
            } catch (IllegalArgumentException e) {
                throw new MojoExecutionException("netpol: " + e.getMessage(), e);
            }
            runs.add(run);
            findings.addAll(env.annotate(run.findings()));
        }
        times.mark("read, API-server validation and lint");
        List<String> units = files.stream().map(SourceFile::path).toList();
        boolean passed = !settings.lint().fails(findings);
        String summary = ConsoleFormatter.summary(GOAL, findings, files.size()) + SourceEnvironment.summaryText(environments);
        report(new ReportInput(GOAL, passed, findings, Map.of(), summary, repositoryPrefix(), units));
        times.mark("reports");
        times.log(getLog()::debug);
        if (!passed) {
            throw new MojoFailureException(summary + "; see the findings above (file:line:column)");
        }
        for (int i = 0; i < environments.size(); i++) {
            CurrentVersionHandOver.offer(project, environments.get(i).files(), settings.common().defaultNamespace(),
                    settings.common().channel(), runs.get(i).readVersion());
        }
        succeeded(GOAL, digest);
    }

    /** Every parameter of this goal, parsed: what it works from and what the digest of its inputs is made from. */
    private ValidateSettings settings() throws MojoExecutionException {
        return new ValidateSettings(commonSettings(), lintSettings());
    }

    private LintSettings lintSettings() throws MojoExecutionException {
        Map<String, LintRuleLevel> levels = ruleLevels();
        Severity failOn = Parameters.parse("netpol.failOnSeverity", failOnSeverity, Severity::parse);
        IsolationDirections directions = Parameters.parse("netpol.requireIsolationDirections",
                requireIsolationDirections, IsolationDirections::parse);
        int portRange = Parameters.integer("netpol.maxPortRange", maxPortRange, LintSettings.DEFAULT_MAX_PORT_RANGE);
        int prefixV4 = Parameters.integer("netpol.minPrefixLengthV4", minPrefixLengthV4, LintSettings.DEFAULT_MIN_PREFIX_V4);
        int prefixV6 = Parameters.integer("netpol.minPrefixLengthV6", minPrefixLengthV6, LintSettings.DEFAULT_MIN_PREFIX_V6);
        return Parameters.check(() -> LintSettings.defaults()
                .withRuleLevels(levels)
                .withFailOnSeverity(failOn)
                .withClusterCidrs(nonNull(podCidrs), nonNull(serviceCidrs), nonNull(nodeCidrs))
                .withRequireIsolation(nonNull(requireIsolation), directions)
                .withThresholds(portRange, prefixV4, prefixV6));
    }

    /** {@code <rules>}, then {@code netpol.rules} over it; an unknown id or severity names the parameter it came from. */
    private Map<String, LintRuleLevel> ruleLevels() throws MojoExecutionException {
        Set<String> known = new TreeSet<>(List.of(FindingCode.UNUSED_SUPPRESSION.id(), FindingCode.SUPPRESSION_WITHOUT_REASON.id()));
        LintRules.all().forEach(r -> known.add(r.id()));
        Map<String, LintRuleLevel> levels = new LinkedHashMap<>();
        for (LintRuleSeverity r : rules == null ? List.<LintRuleSeverity>of() : rules) {
            if (r.getId() == null || r.getSeverity() == null) {
                throw new MojoExecutionException("netpol: rules: every <rule> needs an <id> (a lint rule id) and a"
                        + " <severity> (off, info, warning or error)");
            }
            levels.put(Parameters.parse("rules", r.getId(), id -> ruleId(id, known)),
                    Parameters.parse("rules", r.getSeverity(), LintRuleLevel::parse));
        }
        if (ruleSeverities != null && !ruleSeverities.isBlank()) {
            for (String entry : ruleSeverities.split(",")) {
                int colon = entry.indexOf(':');
                if (colon < 0) {
                    throw Parameters.invalid("netpol.rules", new IllegalArgumentException("'" + entry.trim()
                            + "' is not id:severity; use e.g. policy-types-omitted:off"));
                }
                levels.put(Parameters.parse("netpol.rules", entry.substring(0, colon), id -> ruleId(id, known)),
                        Parameters.parse("netpol.rules", entry.substring(colon + 1), LintRuleLevel::parse));
            }
        }
        return levels;
    }

    private static String ruleId(String id, Set<String> known) {
        String t = id.trim();
        if (!known.contains(t)) {
            throw new IllegalArgumentException("'" + id + "' is not a lint rule id; use one of " + String.join(", ", known)
                    + " (docs/rules.md)");
        }
        return t;
    }

    private static List<String> nonNull(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
