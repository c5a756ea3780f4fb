package io.github.netpol.render;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives SIGINT, SIGTERM and SIGHUP back to the JVM after a Helm call. Helm's Go runtime registers for them on
 * its first template call and never lets go, so without this Ctrl-C and {@code kill} no longer stop Maven.
 * The JVM's handlers have to be taken before that first call (afterwards the JVM only reports Go's), so they are
 * captured once, when this class is first used, which is just before the first Helm call of the plugin; after
 * that the captured handlers are constants of the JVM.
 */
final class HelmSignals {

    private static final Map<String, SignalHandler> JVM_HANDLERS = capture();

    private HelmSignals() {
    }

    /** Makes sure the JVM's handlers are captured (by loading this class) before Helm runs. */
    static void beforeCall() {
        // the field's initialiser does the work
    }

    /** Puts the JVM's handlers back. */
    static void afterCall() {
        JVM_HANDLERS.forEach((name, handler) -> {
            try {
                Signal.handle(new Signal(name), handler);
            } catch (IllegalArgumentException e) {
                // a signal the JVM does not let Java handle (-Xrs, or absent on this system)
            }
        });
    }

    private static Map<String, SignalHandler> capture() {
        Map<String, SignalHandler> handlers = new LinkedHashMap<>();
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal signal = new Signal(name);
                SignalHandler jvm = Signal.handle(signal, SignalHandler.SIG_DFL);
                Signal.handle(signal, jvm);
                handlers.put(name, jvm);
            } catch (IllegalArgumentException e) {
                // not handled by Java here: nothing to give back
            }
        }
        return Map.copyOf(handlers);
    }
}
