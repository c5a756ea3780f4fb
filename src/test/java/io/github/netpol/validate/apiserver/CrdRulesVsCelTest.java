package io.github.netpol.validate.apiserver;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.github.netpol.model.semantics.NetipPrefix;
import io.github.netpol.model.semantics.TierPolicy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java implementations of the CRDs' CEL rules ({@link CrdRules}) against the real CEL engine (cel-java, a test
 * dependency only) evaluating the rule texts read from the embedded CRDs, on thousands of random and edge values.
 * {@code isCIDR} is bound to {@link NetipPrefix} in both, which {@code NetipPrefixTest} checks against Go's rules.
 */
class CrdRulesVsCelTest {

    private static final int VALUES_PER_RULE = 2000;
    private static final List<String> ADDRESS_FIELDS = List.of("networks", "nodes", "domainNames");
    private static final List<String> POD_FIELDS = List.of("namespaces", "pods");

    @Test
    void everyRuleAgreesWithCel() throws Exception {
        Cel cel = CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("self", SimpleType.DYN)
                .addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration("isCIDR",
                        CelOverloadDecl.newGlobalOverload("is_cidr", SimpleType.BOOL, SimpleType.STRING)))
                .addFunctionBindings(CelFunctionBinding.from("is_cidr", String.class, s -> NetipPrefix.problem(s) == null))
                .build();
        Set<String> rules = new LinkedHashSet<>();
        Map<String, String> messages = new LinkedHashMap<>();
        for (TierPolicy.Kind kind : TierPolicy.Kind.values()) {
            for (CrdChannel channel : CrdChannel.values()) {
                collect(CrdSchemas.schema(kind, channel), rules, messages);
            }
        }
        assertThat(rules).hasSize(6);
        Random rnd = new Random(17);
        List<String> disagreements = new ArrayList<>();
        int failed = 0;
        int passed = 0;
        for (String rule : rules) {
            CelRuntime.Program program = cel.createProgram(cel.compile(rule).getAst());
            for (int i = 0; i < VALUES_PER_RULE; i++) {
                Object value = value(rule, rnd);
                boolean expected;
                try {
                    expected = Boolean.TRUE.equals(program.eval(Map.of("self", value)));
                } catch (CelEvaluationException e) {
                    expected = false; // the API server rejects an object on which a rule cannot be evaluated
                }
                boolean actual = CrdRules.evaluate(rule, messages.get(rule), value).orElseThrow().passed();
                if (expected != actual) {
                    disagreements.add(rule + " on " + value + ": CEL " + expected);
                }
                if (expected) {
                    passed++;
                } else {
                    failed++;
                }
            }
        }
        assertThat(disagreements).isEmpty();
        assertThat(passed).as("values the rules accept").isGreaterThan(rules.size() * VALUES_PER_RULE / 5);
        assertThat(failed).as("values the rules reject").isGreaterThan(rules.size() * VALUES_PER_RULE / 10);
    }

    private static Object value(String rule, Random rnd) {
        return switch (rule) {
            case CrdRules.PORT_RANGE -> {
                long start = 1 + rnd.nextInt(65535);
                long end = switch (rnd.nextInt(3)) {
                    case 0 -> start;
                    case 1 -> Math.max(1, start - 1 - rnd.nextInt(10));
                    default -> Math.min(65535, start + 1 + rnd.nextInt(100));
                };
                yield Map.of("start", start, "end", end);
            }
            case CrdRules.IS_CIDR -> cidr(rnd);
            case CrdRules.BANP_NAME -> Map.of("metadata", rnd.nextInt(3) == 0 ? Map.of() : Map.of("name",
                    List.of("default", "Default", "default2", "other").get(rnd.nextInt(4))));
            case CrdRules.NAMED_PORT_CNP -> egressRule(rnd, "protocols", "destinationNamedPort", "tcp");
            case CrdRules.NAMED_PORT_ANP, CrdRules.NAMED_PORT_BANP -> egressRule(rnd, "ports", "namedPort", "portNumber");
            default -> throw new IllegalStateException("a rule without a generator: " + rule);
        };
    }

    /** An egress rule with a few peers of random kinds and, or not, a list of ports some of them named. */
    private static Map<String, Object> egressRule(Random rnd, String list, String named, String numbered) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("action", "Deny");
        List<Object> to = new ArrayList<>();
        for (int i = rnd.nextInt(3); i >= 0; i--) {
            List<String> fields = rnd.nextBoolean() ? ADDRESS_FIELDS : POD_FIELDS;
            to.add(Map.of(fields.get(rnd.nextInt(fields.size())), Map.of()));
        }
        rule.put("to", to);
        if (rnd.nextInt(4) > 0) {
            List<Object> ports = new ArrayList<>();
            for (int i = rnd.nextInt(3); i >= 0; i--) {
                ports.add(rnd.nextBoolean() ? Map.of(named, "http") : Map.of(numbered, Map.of()));
            }
            rule.put(list, ports);
        }
        return rule;
    }

    private static String cidr(Random rnd) {
        List<String> edges = List.of("10.0.0.0/8", "010.0.0.0/8", "10.0.0.0/08", "::/0", "::ffff:1.2.3.4/128",
                "fd00::/8", "10.1.2.3/8", "1.2.3.4/33", "fe80::1%eth0/64", "", "/", "1.2.3.4");
        if (rnd.nextBoolean()) {
            return edges.get(rnd.nextInt(edges.size()));
        }
        return rnd.nextInt(256) + "." + rnd.nextInt(300) + "." + rnd.nextInt(256) + "." + rnd.nextInt(256) + "/"
                + rnd.nextInt(40);
    }

    @SuppressWarnings("unchecked")
    private static void collect(Object schema, Set<String> rules, Map<String, String> messages) {
        if (schema instanceof Map<?, ?> m) {
            if (m.get("x-kubernetes-validations") instanceof List<?> list) {
                for (Object r : list) {
                    Map<String, Object> rule = (Map<String, Object>) r;
                    rules.add((String) rule.get("rule"));
                    messages.put((String) rule.get("rule"), (String) rule.get("message"));
                }
            }
            if (m.get("properties") instanceof Map<?, ?> props) {
                props.values().forEach(v -> collect(v, rules, messages));
            }
            collect(m.get("items"), rules, messages);
        }
    }
}
