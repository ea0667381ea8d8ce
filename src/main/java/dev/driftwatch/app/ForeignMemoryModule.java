package dev.driftwatch.app;

import java.lang.management.ManagementFactory;
import java.lang.module.ModuleFinder;
import java.util.ArrayList;
import java.util.List;

/**
 * DataSketches 7 serialises its sketches through the Java 17 incubator module {@code jdk.incubator.foreign},
 * which the JVM resolves only when asked ({@code --add-modules=jdk.incubator.foreign}); a jar manifest cannot
 * ask for it. So that {@code java -jar driftwatch.jar} just works, the service starts itself once more in a
 * child JVM with the module added, the same JVM options and arguments, and exits with the child's status.
 */
final class ForeignMemoryModule {
    static final String MODULE = "jdk.incubator.foreign";
    private static final String RELAUNCHED = "driftwatch.relaunched";

    private ForeignMemoryModule() {
    }

    /** True when the module exists in this JDK but this JVM did not resolve it (and this is not already the child). */
    static boolean missing() {
        return ModuleLayer.boot().findModule(MODULE).isEmpty()
                && ModuleFinder.ofSystem().find(MODULE).isPresent()
                && System.getProperty(RELAUNCHED) == null;
    }

    /** Runs {@code mainClass} with {@code args} in a child JVM that has the module; returns its exit status. */
    static int relaunch(Class<?> mainClass, String[] args) throws java.io.IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("--add-modules=" + MODULE);
        command.add("-D" + RELAUNCHED + "=true");
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Process child = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        return child.waitFor();
    }
}
