package io.github.netpol.report;

import io.github.netpol.finding.Direction;
import io.github.netpol.finding.Endpoint;
import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.NamedPort;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.finding.Witness;

import java.util.List;
import java.util.Map;

/** Inputs shared by the writer tests: a failing and a passing check, and one full of hostile text. */
final class ReportFixtures {

    static final List<String> CHECK_UNITS = List.of("payments/ingress", "payments/egress", "shop/ingress", "shop/egress");
    static final Map<String, Object> BASELINE = Map.of("spec", "auto", "resolved", "git:v1.4.0");

    private ReportFixtures() {
    }

    static Endpoint.Pod pod(String namespace, Map<String, String> podLabels, List<NamedPort> ports) {
        return new Endpoint.Pod(namespace, Map.of("kubernetes.io/metadata.name", namespace), podLabels, ports);
    }

    static Finding widenedIngress() {
        Witness witness = new Witness(
                new Endpoint.Pod("shop", Map.of("kubernetes.io/metadata.name", "shop", "team", "web"), Map.of("app", "web"), List.of()),
                pod("payments", Map.of("app", "payments-api"), List.of(new NamedPort("http", "TCP", 8080))),
                "TCP", 8080);
        return Finding.of(FindingCode.WIDENED_INGRESS,
                        "allow-api newly allows ingress to pods app=payments-api from namespace shop on TCP 8080")
                .withId("WIDENED_INGRESS/payments/allow-api").withNamespace("payments").withDirection(Direction.INGRESS)
                .at(new SourcePosition("src/main/kubernetes/payments/allow-api.yaml", 12, 7)).withWitness(witness, true);
    }

    static Finding widenedEgress() {
        Witness witness = new Witness(pod("shop", Map.of("app", "web"), List.of()), new Endpoint.Ip("203.0.113.7"), "TCP", 443);
        return Finding.of(FindingCode.WIDENED_EGRESS,
                        "web-egress newly allows egress from pods app=web to 203.0.113.0/24 on TCP 443")
                .withId("WIDENED_EGRESS/shop/web-egress").withNamespace("shop").withDirection(Direction.EGRESS)
                .at(new SourcePosition("src/main/kubernetes/shop/web-egress.yaml", 20, 9)).withWitness(witness, false);
    }

    static Finding acceptedWidening() {
        Witness witness = new Witness(pod("ingress-nginx", Map.of(), List.of()), pod("shop", Map.of("app", "frontend"), List.of()), "TCP", 80);
        return Finding.of(FindingCode.WIDENED_INGRESS,
                        "allow-frontend newly allows ingress to pods app=frontend from namespace ingress-nginx on TCP 80")
                .withId("WIDENED_INGRESS/shop/allow-frontend").withNamespace("shop").withDirection(Direction.INGRESS)
                .at(new SourcePosition("src/main/kubernetes/shop/allow-frontend.yaml", 9, 5)).withWitness(witness, true)
                .accept("The shop front end is public (SHOP-12)");
    }

    static Finding unusedAcceptance() {
        return Finding.of(FindingCode.UNUSED_ACCEPTANCE,
                        "accepted change WIDENED_EGRESS/shop/old-rule matches no finding; remove it")
                .at(new SourcePosition("netpol-accepted.yaml", 4, 5));
    }

    static Finding narrowed() {
        return Finding.of(FindingCode.NARROWED_EGRESS,
                        "default-deny no longer allows egress from pods in namespace payments to any address on UDP 53")
                .withId("NARROWED_EGRESS/payments/default-deny").withNamespace("payments").withDirection(Direction.EGRESS)
                .at(new SourcePosition("src/main/kubernetes/payments/default-deny.yaml", 3, 1));
    }

    static ReportInput failingCheck() {
        return new ReportInput("check", false,
                List.of(widenedIngress(), widenedEgress(), acceptedWidening(), unusedAcceptance(), narrowed()),
                BASELINE, "check failed: 2 widenings, 1 accepted, 1 warning, 1 note", "services/shop", CHECK_UNITS);
    }

    static ReportInput passingCheck() {
        return new ReportInput("check", true, List.of(), BASELINE,
                "check passed: no widening against git:v1.4.0", "", CHECK_UNITS);
    }

    static final String HOSTILE = "<script>alert(\"x\")</script> & 'quoted' | `tick` \u0001\u0007 *bold* [link](http://x) \\ end";

    /** A validate run whose texts hold everything an escaper must handle. */
    static ReportInput hostileValidate() {
        Finding bad = Finding.of(FindingCode.INVALID_LABEL_VALUE, "label value " + HOSTILE + " is not valid")
                .at(new SourcePosition("src/main/kubernetes/we ird/<p>&\"q\".yaml", 3, 11)).withId("invalid-label-value/" + HOSTILE);
        Finding warning = Finding.of(FindingCode.NON_CANONICAL_CIDR, "warning about " + HOSTILE)
                .at(new SourcePosition("src/main/kubernetes/ok.yaml", 1, 1));
        Finding nowhere = Finding.of(FindingCode.UNREADABLE_FILE, "no manifests under " + HOSTILE);
        return new ReportInput("validate", false, List.of(bad, warning, nowhere), Map.of(), "validate failed: " + HOSTILE,
                "", List.of("src/main/kubernetes/we ird/<p>&\"q\".yaml", "src/main/kubernetes/ok.yaml", "src/main/kubernetes/clean.yaml"));
    }
}
