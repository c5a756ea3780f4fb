package io.github.netpol.load;

import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML's default YAML 1.1 resolver with the same answers, but without a regular expression for
 * scalars that cannot be numbers or timestamps. The default resolver builds a {@code Matcher} for
 * almost every plain scalar (the null rules apply to every first character), which was an eighth of
 * the loading time; here only scalars starting with a digit, a sign or a dot reach the regular
 * expressions, and the few words the other rules accept (booleans, nulls, {@code <<} and the
 * indicator characters) are recognised by comparison. {@code YamlScalarResolverTest} compares both
 * resolvers over every spelling those rules accept and many strings they do not.
 */
final class YamlScalarResolver extends Resolver {

    @Override
    public Tag resolve(NodeId kind, String value, boolean implicit) {
        if (kind != NodeId.scalar || !implicit || value.isEmpty()) {
            return super.resolve(kind, value, implicit);
        }
        char first = value.charAt(0);
        if (first >= '0' && first <= '9' || first == '-' || first == '+' || first == '.') {
            return super.resolve(kind, value, implicit); // ints, floats and timestamps
        }
        if (value.length() > 5) {
            return Tag.STR; // longer than "false", the longest word of the remaining rules
        }
        return switch (value) {
            case "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                    "on", "On", "ON", "off", "Off", "OFF" -> Tag.BOOL;
            case "~", "null", "Null", "NULL", " " -> Tag.NULL;
            case "<<" -> Tag.MERGE;
            case "!", "&", "*" -> Tag.YAML;
            default -> Tag.STR;
        };
    }
}
