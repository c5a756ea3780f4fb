package io.github.netpol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Maven keeps a plugin's class realm for the whole build, and mvnd for many builds (and runs modules on several
 * threads): a static field that changes carries one build's state into the next. Every static field of the
 * plugin must therefore be final and hold a value nobody can change.
 */
class NoStaticStateTest {

    private static final Path CLASSES = Path.of("target/classes");

    /**
     * Non-final fields of shared constants that are caches computed from the object's final fields (a lazy hash
     * code, as String has; an index built on first use): whichever build computes them first, they hold the same.
     */
    private static final Set<String> CACHES = Set.of("io.github.netpol.analysis.Cube.hash",
            "io.github.netpol.analysis.Region.index");

    @Test
    void everyStaticFieldIsAFinalConstant() throws Exception {
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        for (Class<?> type : pluginClasses()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || field.isSynthetic()) {
                    continue;
                }
                checked++;
                String name = type.getName() + "." + field.getName();
                if (!Modifier.isFinal(modifiers)) {
                    offenders.add(name + " is not final");
                    continue;
                }
                field.setAccessible(true);
                String problem = mutability(field.getType(), field.get(null));
                if (problem != null) {
                    offenders.add(name + " " + problem);
                }
            }
        }
        assertThat(checked).as("static fields looked at").isGreaterThan(50);
        assertThat(offenders).isEmpty();
    }

    /** Why the value could change between builds, or {@code null} when it cannot. */
    private static String mutability(Class<?> declared, Object value) {
        if (declared.isPrimitive() || value == null || value instanceof String || value instanceof Enum<?>
                || value instanceof Pattern || value instanceof BigInteger || value instanceof Comparator<?>
                || value instanceof Class<?> || value.getClass().isRecord()) {
            return null;
        }
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            String impl = value.getClass().getName();
            return impl.contains("Immutable") || impl.contains("Unmodifiable") ? null : "holds a modifiable " + impl;
        }
        if (value.getClass() == Object.class || value instanceof Path) {
            // a lock's monitor, an immutable path
            return null;
        }
        if (Proxy.isProxyClass(value.getClass()) && Arrays.stream(value.getClass().getInterfaces())
                .flatMap(i -> Arrays.stream(i.getInterfaces())).anyMatch(i -> i.getName().equals("com.sun.jna.Library"))) {
            // a native library bound through JNA: loaded once per JVM, holds no state of a build
            return null;
        }
        if (value instanceof ObjectMapper || value instanceof JsonFactory) {
            // configured once in its initialiser and thread-safe from then on
            return null;
        }
        if (declared.isArray()) {
            return "is an array, whose elements anyone can replace";
        }
        if (value.getClass().getName().startsWith("io.github.netpol.")) {
            for (Field f : value.getClass().getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())
                        && !CACHES.contains(value.getClass().getName() + "." + f.getName())) {
                    return "holds a " + value.getClass().getSimpleName() + " with the mutable field " + f.getName();
                }
            }
            return null;
        }
        return "holds a " + value.getClass().getName() + ", not known to be immutable";
    }

    private static List<Class<?>> pluginClasses() throws IOException, ClassNotFoundException {
        List<Class<?>> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("io/github/netpol"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = CLASSES.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                out.add(Class.forName(name, true, NoStaticStateTest.class.getClassLoader()));
            }
        }
        return out;
    }
}
