package io.github.netpol.gate;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import io.github.netpol.load.YamlLimits;
import io.github.netpol.model.ObjectDigest;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code netpol-accepted.yaml}:
 * <pre>
 * accepted:
 *   - id: WIDENED_INGRESS/payments/allow-api
 *     reason: "Checkout calls payments directly (PAY-142)"
 *     expires: 2027-03-31
 *   - id: UNSUPPORTED_POLICY_KIND/cluster/AdminNetworkPolicy/allow-monitoring
 *     digest: sha256:9f2c...                  # the object as reviewed
 *     reason: "reviewed with the platform team (NET-12)"
 *     expires: 2027-01-31
 * </pre>
 * Every entry needs an id and a reason; an entry for a finding about one object (a policy kind that is not
 * analysed) also needs that object's digest and an expiry date. A malformed file is an error, never silently
 * ignored.
 */
public final class AcceptedChangesReader {

    private static final Set<String> FIELDS = Set.of("id", "reason", "expires", "digest");

    /** @param file the path printed in messages, relative to the project */
    public AcceptedChanges read(String file, String text) {
        List<Finding> problems = new ArrayList<>();
        List<AcceptedChange> entries = new ArrayList<>();
        Node root;
        try {
            root = YamlLimits.compose(text);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            problems.add(error("not valid YAML: " + e.getProblem(), pos(file, m)));
            return new AcceptedChanges(entries, problems);
        } catch (YAMLException e) {
            problems.add(error("not valid YAML: " + e.getMessage(), SourcePosition.ofFile(file)));
            return new AcceptedChanges(entries, problems);
        }
        if (root == null) {
            return new AcceptedChanges(entries, problems);
        }
        Node list = root instanceof MappingNode map ? value(map, "accepted") : null;
        if (list == null) {
            problems.add(error("expected a top-level 'accepted:' list of {id, reason, expires}", pos(file, root.getStartMark())));
            return new AcceptedChanges(entries, problems);
        }
        if (!(list instanceof SequenceNode seq)) {
            problems.add(error("'accepted' must be a list of {id, reason, expires}", pos(file, list.getStartMark())));
            return new AcceptedChanges(entries, problems);
        }
        Set<String> seen = new HashSet<>();
        for (Node item : seq.getValue()) {
            SourcePosition where = pos(file, item.getStartMark());
            if (!(item instanceof MappingNode entry)) {
                problems.add(error("an accepted entry must be a mapping with id, reason and optional expires", where));
                continue;
            }
            for (NodeTuple t : entry.getValue()) {
                String key = scalar(t.getKeyNode());
                if (!FIELDS.contains(key)) {
                    problems.add(error("unknown field '" + key + "' (known: id, reason, expires, digest)",
                            pos(file, t.getKeyNode().getStartMark())));
                }
            }
            String id = scalar(value(entry, "id"));
            String reason = scalar(value(entry, "reason"));
            String expiresText = scalar(value(entry, "expires"));
            if (id == null || id.isBlank()) {
                problems.add(error("accepted entry without an id; copy the id printed in the finding", where));
                continue;
            }
            if (reason == null || reason.isBlank()) {
                problems.add(error("accepted entry " + id + " has no reason; say why the change is intended", where));
                continue;
            }
            LocalDate expires = null;
            if (expiresText != null) {
                try {
                    expires = LocalDate.parse(expiresText.trim());
                } catch (DateTimeParseException e) {
                    problems.add(error("expires of " + id + " must be a date like 2027-03-31, not '" + expiresText + "'",
                            pos(file, value(entry, "expires").getStartMark())));
                    continue;
                }
            }
            String digest = scalar(value(entry, "digest"));
            Optional<String> objectProblem = objectProblem(id, digest, expires);
            if (objectProblem.isPresent()) {
                problems.add(error(objectProblem.get(), where));
                continue;
            }
            if (!seen.add(id)) {
                problems.add(error("accepted entry " + id + " is listed twice", where));
                continue;
            }
            entries.add(new AcceptedChange(id, reason, expires, digest == null ? null : digest.trim(), where));
        }
        return new AcceptedChanges(entries, problems);
    }

    /**
     * An entry for a finding about one object accepts that object as it was reviewed, and for a time: it needs the
     * digest printed in the finding and an expiry date. Other entries accept a change and carry no digest.
     */
    private static Optional<String> objectProblem(String id, String digest, LocalDate expires) {
        // the entry is text the user wrote: its code is looked up by the id's first part, after the environment
        // of a rendered one (prod:UNSUPPORTED_POLICY_KIND/...)
        int colon = id.indexOf(':');
        String code = colon >= 0 && colon < id.indexOf('/') ? id.substring(colon + 1) : id;
        int slash = code.indexOf('/');
        boolean aboutOneObject = FindingCode.byId(slash < 0 ? code : code.substring(0, slash))
                .map(FindingCode::aboutOneObject).orElse(false);
        if (!aboutOneObject) {
            return digest == null ? Optional.empty() : Optional.of("accepted entry " + id + " has a digest, but only an"
                    + " entry for a finding about one object (UNSUPPORTED_POLICY_KIND) carries one; remove it");
        }
        if (digest == null || !ObjectDigest.isDigest(digest.trim())) {
            return Optional.of("accepted entry " + id + " accepts one object and needs its digest as printed in the"
                    + " finding (digest: sha256:<64 hex digits>)" + (digest == null ? "" : ", not '" + digest + "'"));
        }
        if (expires == null) {
            return Optional.of("accepted entry " + id + " accepts one object and needs an expires date (e.g. expires: "
                    + "2027-03-31), after which it is reviewed again");
        }
        return Optional.empty();
    }

    private static Node value(MappingNode map, String key) {
        for (NodeTuple t : map.getValue()) {
            if (key.equals(scalar(t.getKeyNode()))) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s ? s.getValue() : null;
    }

    private static SourcePosition pos(String file, Mark m) {
        return m == null ? SourcePosition.ofFile(file) : new SourcePosition(file, m.getLine() + 1, m.getColumn() + 1);
    }

    private static Finding error(String message, SourcePosition where) {
        return Finding.of(FindingCode.ACCEPTED_FILE, where.file() + ": " + message).at(where);
    }
}
