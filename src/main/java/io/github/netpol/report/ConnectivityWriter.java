package io.github.netpol.report;

import io.github.netpol.analysis.connectivity.ConnectivityResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Writes one form of the {@code connectivity} goal's result, {@code connectivity.<extension>}. */
public final class ConnectivityWriter implements ReportWriter {

    /** The forms, by their {@code netpol.formats} name and file extension. */
    public enum Form {
        TXT("txt", "txt", ConnectivityForms::text),
        JSON("json", "json", ConnectivityForms::json),
        MARKDOWN("markdown", "md", ConnectivityForms::markdown),
        CSV("csv", "csv", ConnectivityForms::csv),
        DOT("dot", "dot", ConnectivityForms::dot);

        private final String format;
        private final String extension;
        private final Function<ConnectivityResult, String> render;

        Form(String format, String extension, Function<ConnectivityResult, String> render) {
            this.format = format;
            this.extension = extension;
            this.render = render;
        }
    }

    private final Form form;

    public ConnectivityWriter(Form form) {
        this.form = form;
    }

    /** One writer a form, in the order of {@link Form}. */
    public static List<ReportWriter> all() {
        return Arrays.stream(Form.values()).map(f -> (ReportWriter) new ConnectivityWriter(f)).toList();
    }

    @Override
    public String format() {
        return form.format;
    }

    @Override
    public Path write(ReportInput input, Path outputDirectory) throws IOException {
        ConnectivityResult result = input.connectivity();
        if (result == null) {
            throw new IllegalArgumentException("the " + input.goal() + " goal computed no connectivity");
        }
        Files.createDirectories(outputDirectory);
        Path file = outputDirectory.resolve("connectivity." + form.extension);
        Files.writeString(file, form.render.apply(result), StandardCharsets.UTF_8);
        return file;
    }
}
