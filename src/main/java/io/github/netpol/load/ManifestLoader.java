package io.github.netpol.load;

import io.github.netpol.finding.Finding;
import io.github.netpol.finding.FindingCode;
import io.github.netpol.finding.SourcePosition;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads manifest files into plain documents with positions. SnakeYAML parses (or, for a file the
 * {@link EventTreeReader} does not read, composes node trees) and never constructs objects, so no tag can
 * instantiate anything, under limits on aliases, nesting and size. Every problem becomes an error finding
 * at its line; nothing is thrown.
 */
public final class ManifestLoader {

    /** Below this many files, splitting the work costs more than it saves. */
    private static final int PARALLEL_FROM = 16;

    private final ParsedFiles parsed;

    public ManifestLoader() {
        this(null);
    }

    /** @param parsed the clean parses of this run to take files of the same content from, or null */
    public ManifestLoader(ParsedFiles parsed) {
        this.parsed = parsed;
    }

    public LoadResult load(List<SourceFile> files) {
        Interner interner = new Interner();
        // files are independent: parse them on every core, then join the results in the files' order
        List<LoadResult> perFile = (files.size() >= PARALLEL_FROM ? files.parallelStream() : files.stream())
                .map(file -> parsed == null ? load(file, interner)
                        : parsed.read(file, isJson(file.path()), () -> load(file, interner)))
                .toList();
        List<RawDocument> documents = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        for (LoadResult r : perFile) {
            documents.addAll(r.documents());
            problems.addAll(r.problems());
        }
        return new LoadResult(documents, problems);
    }

    private LoadResult load(SourceFile file, Interner interner) {
        List<RawDocument> documents = new ArrayList<>();
        List<Finding> problems = new ArrayList<>();
        load(file, documents, problems, interner);
        return new LoadResult(documents, problems);
    }

    private static boolean isJson(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".json");
    }

    private void load(SourceFile file, List<RawDocument> documents, List<Finding> problems, Interner interner) {
        String name = file.path();
        if (file.content().length > SourceCollector.MAX_FILE_BYTES) {
            problems.add(SourceCollector.tooLarge(name, file.content().length));
            return;
        }
        TextScreen.Decoded decoded = TextScreen.decode(name, file.content());
        if (decoded.problem() != null) {
            problems.add(decoded.problem());
            return;
        }
        String text = decoded.text();
        boolean json = isJson(name);
        Optional<Finding> early = TextScreen.template(name, text);
        if (early.isEmpty() && !json) {
            early = TextScreen.tabIndentation(name, text);
        }
        if (early.isPresent()) {
            problems.add(early.get());
            return;
        }
        // JSON allows tabs as whitespace, YAML's flow style does not; tabs inside JSON strings
        // must be escaped, so replacing them changes no value and keeps every column
        parse(name, json ? text.replace('\t', ' ') : text, documents, problems, interner);
    }

    private void parse(String name, String text, List<RawDocument> documents, List<Finding> problems,
                       Interner interner) {
        LoaderOptions options = YamlLimits.options();
        YamlScalarResolver resolver = new YamlScalarResolver();
        NodeTreeConverter.ScalarConstructor scalars = new NodeTreeConverter.ScalarConstructor(options);
        List<RawDocument> streamed = EventTreeReader.read(name, text, options, resolver, scalars, interner);
        if (streamed != null) {
            documents.addAll(streamed);
        } else {
            compose(name, text, options, resolver, scalars, interner, documents, problems);
        }
    }

    /** Reads a file the way every file was read before {@link EventTreeReader}: composed, then converted. */
    static void compose(String name, String text, LoaderOptions options, YamlScalarResolver resolver,
                        NodeTreeConverter.ScalarConstructor scalars, Interner interner, List<RawDocument> documents,
                        List<Finding> problems) {
        ParserImpl parser = new ParserImpl(new StreamReader(text), options);
        Composer composer = new Composer(parser, resolver, options);
        int index = 0;
        try {
            while (composer.checkNode()) {
                Node node = composer.getNode();
                NodeTreeConverter converter = new NodeTreeConverter(name, scalars, interner);
                Object tree = converter.convert(node);
                problems.addAll(converter.problems());
                if (tree != null && converter.problems().isEmpty()) {
                    documents.add(new RawDocument(name, index, tree, converter.positions()));
                }
                index++;
            }
        } catch (YAMLException e) {
            problems.add(syntaxProblem(name, text, parser, e));
        }
    }

    private static Finding syntaxProblem(String file, String source, ParserImpl parser, YAMLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        FindingCode code = FindingCode.YAML_SYNTAX;
        String advice = "Fix the YAML syntax.";
        if (message.contains("Number of aliases")) {
            code = FindingCode.TOO_MANY_ALIASES;
            advice = "The file uses more than " + YamlLimits.MAX_ALIASES + " aliases to lists or maps (a 'billion laughs' "
                    + "document expands exponentially); write the values out instead.";
        } else if (message.contains("Nesting Depth")) {
            code = FindingCode.NESTING_TOO_DEEP;
            advice = "The document nests deeper than " + YamlLimits.MAX_NESTING + " levels; no manifest needs that.";
        } else if (message.contains("exceeds the limit")) {
            code = FindingCode.FILE_TOO_LARGE;
            advice = "The document is larger than the limit; split it.";
        }
        Mark mark = e instanceof MarkedYAMLException marked ? marked.getProblemMark() : null;
        if (mark == null && e instanceof MarkedYAMLException marked) {
            mark = marked.getContextMark();
        }
        if (mark == null) {
            mark = nextEventMark(parser);
        }
        SourcePosition where = mark == null ? SourcePosition.ofFile(file)
                : new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
        String detail = e instanceof MarkedYAMLException marked && marked.getProblem() != null
                ? marked.getProblem() : firstLine(message);
        String text = code == FindingCode.YAML_SYNTAX ? "Invalid YAML: " + detail + ". " + advice : advice;
        if (code == FindingCode.YAML_SYNTAX && mark != null) {
            Optional<String> hint = IndentationHint.explain(detail, source, mark.getLine() + 1);
            if (hint.isPresent()) {
                text = "Invalid YAML: " + hint.get() + ".";
                where = new SourcePosition(file, mark.getLine() + 1, 1 + (int) source.lines().skip(mark.getLine())
                        .findFirst().map(l -> l.length() - l.stripLeading().length()).orElse(0));
            }
        }
        return Finding.of(code, text).at(where);
    }

    /** Where the parser stands after a failure that carries no mark (alias and depth limits). */
    private static Mark nextEventMark(ParserImpl parser) {
        try {
            return parser.peekEvent().getStartMark();
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
