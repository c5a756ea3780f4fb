package io.github.netpol.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the last render of an environment read and wrote: the digest of its inputs, the digest of its output, and
 * its notes. A render with the same inputs keeps that output, unless the file was changed or removed since.
 */
record RenderRecord(String inputs, String output, List<String> notes) {

    private static final String FILE = "render.record";

    RenderRecord {
        notes = List.copyOf(notes);
    }

    static RenderRecord read(Path workDir) {
        Path file = workDir.resolve(FILE);
        String inputs = null;
        String output = null;
        List<String> notes = new ArrayList<>();
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (line.startsWith("inputs ")) {
                        inputs = line.substring(7);
                    } else if (line.startsWith("output ")) {
                        output = line.substring(7);
                    } else if (line.startsWith("note ")) {
                        notes.add(line.substring(5));
                    }
                }
            }
        } catch (IOException e) {
            // no record: render again
        }
        return new RenderRecord(inputs, output, notes);
    }

    boolean reusable(String inputsDigest, Path outputFile) {
        if (inputs == null || output == null || !inputs.equals(inputsDigest) || !Files.isRegularFile(outputFile)) {
            return false;
        }
        try {
            return output.equals(Renderer.sha256(Files.readAllBytes(outputFile)));
        } catch (IOException e) {
            return false;
        }
    }

    void write(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        StringBuilder text = new StringBuilder("inputs " + inputs + "\noutput " + output + "\n");
        notes.forEach(n -> text.append("note ").append(n.replace('\n', ' ')).append('\n'));
        Files.writeString(workDir.resolve(FILE), text.toString(), StandardCharsets.UTF_8);
    }
}
