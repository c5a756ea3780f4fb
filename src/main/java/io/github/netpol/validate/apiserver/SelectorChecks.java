package io.github.netpol.validate.apiserver;

import io.github.netpol.finding.FindingCode;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.github.netpol.load.JsonPointer;

import java.util.List;
import java.util.Set;

/** A label selector: matchLabels keys and values, matchExpressions keys, operators and values. */
final class SelectorChecks {

    private static final Set<String> WITH_VALUES = Set.of("In", "NotIn");
    private static final Set<String> WITHOUT_VALUES = Set.of("Exists", "DoesNotExist");

    private SelectorChecks() {
    }

    static void check(LabelSelector selector, String pointer, FindingSink sink) {
        if (selector == null) {
            return;
        }
        MetadataChecks.labels(selector.getMatchLabels(), pointer + "/matchLabels", sink);
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions();
        if (expressions == null) {
            return;
        }
        for (int i = 0; i < expressions.size(); i++) {
            requirement(expressions.get(i), JsonPointer.child(pointer + "/matchExpressions", i), sink);
        }
    }

    private static void requirement(LabelSelectorRequirement req, String pointer, FindingSink sink) {
        if (req == null) {
            return;
        }
        String key = req.getKey() == null ? "" : req.getKey();
        String keyProblem = NameFormats.qualifiedName(key);
        if (keyProblem != null) {
            sink.error(FindingCode.INVALID_LABEL_KEY, req.getKey() == null ? pointer : pointer + "/key",
                    "Selector key '" + key + "' " + keyProblem + ".");
        }
        String op = req.getOperator();
        List<String> values = req.getValues() == null ? List.of() : req.getValues();
        if (WITH_VALUES.contains(op)) {
            if (values.isEmpty()) {
                sink.error(FindingCode.SELECTOR_VALUES_REQUIRED, sink.written(pointer + "/values") ? pointer + "/values" : pointer + "/operator",
                        "Operator " + op + " needs at least one value in 'values'; add the values or use Exists.");
            }
        } else if (WITHOUT_VALUES.contains(op)) {
            if (!values.isEmpty()) {
                sink.error(FindingCode.SELECTOR_VALUES_FORBIDDEN, pointer + "/values",
                        "Operator " + op + " takes no 'values'; remove them or use In/NotIn.");
            }
        } else {
            sink.error(FindingCode.INVALID_SELECTOR_OPERATOR, op == null ? pointer : pointer + "/operator",
                    "Selector operator '" + (op == null ? "" : op)
                            + "' is not valid; use In, NotIn, Exists or DoesNotExist (case-sensitive).");
        }
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            String problem = value == null ? null : NameFormats.labelValue(value);
            if (problem != null) {
                sink.error(FindingCode.INVALID_LABEL_VALUE, JsonPointer.child(pointer + "/values", i),
                        "Selector value '" + value + "' " + problem + ".");
            }
        }
    }
}
