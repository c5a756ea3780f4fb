package io.github.netpol.load;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a file's documents from the parser's events straight into trees and source maps, without SnakeYAML's node
 * graph. For one policy with thousands of rules that graph (a node, a tuple and two marks per value, each mark
 * holding its window of the text) was most of what a load held while it read, and collecting it made reading grow
 * faster than the file.
 *
 * <p>It reads only what it reads exactly as composing the file and {@link NodeTreeConverter} do: a file without
 * anchors, aliases, explicit tags, merge keys, keys that are not plain values, duplicate keys, values of a tag the
 * converter refuses, nesting beyond the limit or more values than the converter's budget, and without a YAML error.
 * At the first of these it gives up and {@link #read} returns null; the loader then composes the file, which
 * reports each of them as it always has. Giving up costs a second parse of a file that is rare in a policy
 * repository, and leaves one reader of every problem.
 */
final class EventTreeReader {

    private final String file;
    private final ParserImpl parser;
    private final Resolver resolver;
    private final NodeTreeConverter.ScalarConstructor scalars;
    private final Interner interner;
    private final int nestingLimit;

    /** Collections started and not yet ended: the nesting depth the composer checks at the next node. */
    private int open;
    private int nodes;
    private PositionRecorder positions;

    private EventTreeReader(String file, String text, LoaderOptions options, Resolver resolver,
                            NodeTreeConverter.ScalarConstructor scalars, Interner interner) {
        this.file = file;
        this.parser = new ParserImpl(new StreamReader(text), options);
        this.resolver = resolver;
        this.scalars = scalars;
        this.interner = interner;
        this.nestingLimit = options.getNestingDepthLimit();
    }

    /**
     * The documents of {@code text} that have a tree (an empty or null document has none, but takes its index), or
     * null when the file must be composed instead.
     */
    static List<RawDocument> read(String file, String text, LoaderOptions options, Resolver resolver,
                                  NodeTreeConverter.ScalarConstructor scalars, Interner interner) {
        try {
            return new EventTreeReader(file, text, options, resolver, scalars, interner).documents();
        } catch (GiveUp | YAMLException e) {
            return null;
        }
    }

    private List<RawDocument> documents() {
        List<RawDocument> documents = new ArrayList<>();
        parser.getEvent(); // stream start
        for (int index = 0; !parser.checkEvent(Event.ID.StreamEnd); index++) {
            parser.getEvent(); // document start
            positions = new PositionRecorder();
            nodes = 0;
            positions.record("", parser.peekEvent().getStartMark());
            Object tree = value("", true);
            parser.getEvent(); // document end
            if (tree != null) {
                documents.add(new RawDocument(file, index, tree, positions.positions(file, interner)));
            }
        }
        return documents;
    }

    /** @param shared whether the pointers below {@code pointer} are interned ({@link NodeTreeConverter#SHARED_ITEMS}) */
    private Object value(String pointer, boolean shared) {
        if (++nodes > NodeTreeConverter.MAX_NODES) {
            throw new GiveUp();
        }
        Event event = take();
        if (event instanceof ScalarEvent scalar) {
            Object value = scalars.value(scalarNode(scalar), interner);
            if (value == NodeTreeConverter.ScalarConstructor.REFUSED) {
                throw new GiveUp();
            }
            return value;
        }
        return event instanceof MappingStartEvent ? mapping(pointer, shared) : sequence(pointer, shared);
    }

    private List<Object> sequence(String pointer, boolean shared) {
        ArrayList<Object> list = new ArrayList<>();
        while (!parser.checkEvent(Event.ID.SequenceEnd)) {
            boolean itemShared = shared && list.size() < NodeTreeConverter.SHARED_ITEMS;
            String child = interner.child(pointer, list.size(), itemShared);
            positions.record(child, parser.peekEvent().getStartMark());
            list.add(value(child, itemShared));
        }
        take();
        list.trimToSize(); // the trees are kept for the whole build
        return list;
    }

    private CompactMap mapping(String pointer, boolean shared) {
        String[] keys = new String[8];
        Object[] values = new Object[8];
        Set<String> seen = null;
        int size = 0;
        while (!parser.checkEvent(Event.ID.MappingEnd)) {
            if (!(take() instanceof ScalarEvent keyEvent)) {
                throw new GiveUp();
            }
            ScalarNode keyNode = scalarNode(keyEvent);
            if (keyNode.getTag().equals(Tag.MERGE)) {
                throw new GiveUp();
            }
            String key = interner.string(keyNode.getValue());
            if (size == NodeTreeConverter.SCAN_KEYS_UP_TO) {
                seen = new HashSet<>(Arrays.asList(keys).subList(0, size));
            }
            if (seen != null ? !seen.add(key) : NodeTreeConverter.indexOf(keys, size, key) >= 0) {
                throw new GiveUp();
            }
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, 2 * size);
                values = Arrays.copyOf(values, 2 * size);
            }
            String child = interner.child(pointer, key, shared);
            positions.record(child, keyEvent.getStartMark());
            keys[size] = key;
            values[size] = value(child, shared);
            size++;
        }
        take();
        return new CompactMap(interner.table(Arrays.copyOf(keys, size)), Arrays.copyOf(values, size));
    }

    /** A scalar as the composer makes it: its tag resolved from its text, as no scalar read here has a tag. */
    private ScalarNode scalarNode(ScalarEvent event) {
        Tag tag = resolver.resolve(NodeId.scalar, event.getValue(), event.getImplicit().canOmitTagInPlainScalar());
        return new ScalarNode(tag, event.getValue(), event.getStartMark(), event.getEndMark(), event.getScalarStyle());
    }

    /**
     * The next event, after the checks the composer makes before it composes a node (alias, anchor, nesting depth,
     * tag); where the composer would do anything but make a plain node, this gives up.
     */
    private Event take() {
        Event event = parser.peekEvent();
        if (event instanceof NodeEvent node && (event instanceof AliasEvent || node.getAnchor() != null
                || open > nestingLimit
                || event instanceof ScalarEvent scalar && scalar.getTag() != null
                || event instanceof CollectionStartEvent start && start.getTag() != null)) {
            throw new GiveUp();
        }
        parser.getEvent();
        if (event instanceof CollectionStartEvent) {
            open++;
        } else if (event instanceof CollectionEndEvent) {
            open--;
        }
        return event;
    }

    /** The file is not one this reader reads exactly; compose it. */
    private static final class GiveUp extends RuntimeException {
        GiveUp() {
            super(null, null, false, false);
        }
    }
}
