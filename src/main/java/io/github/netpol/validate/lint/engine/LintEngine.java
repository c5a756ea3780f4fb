package io.github.netpol.validate.lint.engine;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.Severity;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.model.ManifestSet;
import io.github.netpol.validate.lint.LintContext;
import io.github.netpol.validate.lint.LintRule;
import io.github.netpol.validate.lint.LintSettings;
import io.github.netpol.validate.lint.Subject;
import io.github.netpol.validate.lint.Violation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs lint rules over a repository: applies the configured severities, drops findings suppressed by
 * {@code netpol.io/ignore} on the object at fault, and reports suppressions that suppress nothing.
 */
public final class LintEngine {
    private static final Comparator<SourcePosition> BY_POSITION = Comparator.comparing(SourcePosition::file)
            .thenComparingInt(SourcePosition::line).thenComparingInt(SourcePosition::column);
    public static final Comparator<Finding> ORDER = Comparator
            .comparing(Finding::location, Comparator.nullsLast(BY_POSITION))
            .thenComparing(Finding::id).thenComparing(Finding::message);

    private final List<LintRule> rules;

    /** An engine with every rule of {@link LintRules#all()}. */
    public LintEngine() {
        this(LintRules.all());
    }

    public LintEngine(List<LintRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Lints {@code manifests}; findings are sorted by location.
     *
     * @throws IllegalArgumentException when the settings name a rule that does not exist
     */
    public List<Finding> run(ManifestSet manifests, LintSettings settings) {
        checkRuleIds(settings);
        LintContext context = new LintContext(manifests, settings);
        Map<Subject, Set<String>> used = new HashMap<>();
        Set<String> enabled = new HashSet<>();
        List<Finding> findings = new ArrayList<>();
        for (LintRule rule : rules) {
            Optional<Severity> severity = settings.levelOf(rule.id(), rule.defaultSeverity()).severity();
            if (severity.isEmpty()) {
                continue;
            }
            enabled.add(rule.id());
            for (Violation v : rule.check(context)) {
                if (Suppressions.ruleIds(v.subject()).contains(rule.id())) {
                    used.computeIfAbsent(v.subject(), s -> new HashSet<>()).add(rule.id());
                } else {
                    findings.add(toFinding(rule.code(), severity.get(), v));
                }
            }
        }
        findings.addAll(suppressionFindings(context, settings, used, enabled));
        findings.sort(ORDER);
        return List.copyOf(findings);
    }

    private List<Finding> suppressionFindings(LintContext context, LintSettings settings,
                                              Map<Subject, Set<String>> used, Set<String> enabled) {
        Optional<Severity> unused = level(settings, FindingCode.UNUSED_SUPPRESSION);
        Optional<Severity> noReason = level(settings, FindingCode.SUPPRESSION_WITHOUT_REASON);
        Set<String> known = new HashSet<>();
        rules.forEach(r -> known.add(r.id()));
        List<Finding> out = new ArrayList<>();
        for (Subject s : suppressingSubjects(context)) {
            Set<String> ids = Suppressions.ruleIds(s);
            String pointer = "/metadata/annotations/" + Suppressions.IGNORE.replace("~", "~0").replace("/", "~1");
            if (noReason.isPresent() && !Suppressions.hasReason(s)) {
                out.add(toFinding(FindingCode.SUPPRESSION_WITHOUT_REASON, noReason.get(), new Violation(s, pointer, null,
                        s.describe() + " suppresses " + String.join(", ", ids) + " without saying why: add the annotation "
                                + Suppressions.REASON + " with the reason.")));
            }
            if (unused.isEmpty()) {
                continue;
            }
            for (String id : ids) {
                String why = !known.contains(id) ? "names no lint rule (check the spelling; see docs/rules.md)"
                        : !enabled.contains(id) ? null
                        : used.getOrDefault(s, Set.of()).contains(id) ? null
                        : "suppresses nothing: the rule does not fire on this object any more";
                if (why != null) {
                    out.add(toFinding(FindingCode.UNUSED_SUPPRESSION, unused.get(), new Violation(s, pointer, null,
                            s.describe() + ": " + Suppressions.IGNORE + " entry '" + id + "' " + why
                                    + "; remove it from the annotation.")));
                }
            }
        }
        return out;
    }

    private static Set<Subject> suppressingSubjects(LintContext context) {
        Set<Subject> out = new LinkedHashSet<>();
        Stream.of(context.manifests().policies().stream().map(Subject::of),
                        context.manifests().tierPolicies().stream().map(Subject::of),
                        context.manifests().ciliumPolicies().stream().map(Subject::of),
                        context.manifests().namespaces().stream().map(Subject::of),
                        context.manifests().workloads().stream().map(Subject::of))
                .flatMap(s -> s)
                .filter(s -> s.annotations().containsKey(Suppressions.IGNORE))
                .forEach(out::add);
        return out;
    }

    private void checkRuleIds(LintSettings settings) {
        Set<String> known = new HashSet<>(List.of(FindingCode.UNUSED_SUPPRESSION.id(),
                FindingCode.SUPPRESSION_WITHOUT_REASON.id()));
        rules.forEach(r -> known.add(r.id()));
        for (String id : settings.ruleLevels().keySet()) {
            if (!known.contains(id)) {
                throw new IllegalArgumentException("unknown lint rule id '" + id + "'; the rules are listed in docs/rules.md");
            }
        }
    }

    private static Optional<Severity> level(LintSettings settings, FindingCode code) {
        return settings.levelOf(code.id(), code.defaultSeverity()).severity();
    }

    private static Finding toFinding(FindingCode code, Severity severity, Violation v) {
        SourcePosition location = v.subject().origin() == null ? null : v.subject().origin().at(v.pointer());
        return Finding.of(code, v.message()).withSeverity(severity).withNamespace(v.subject().namespace())
                .withDirection(v.direction()).at(location).withFix(v.fix());
    }
}
