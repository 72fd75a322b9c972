package allpairs.cli;

import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.kernel.Param;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code allpairs kernels}: every kernel on the classpath with its parameters and defaults. */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = "List the kernels (built-in and from jars on the classpath) with their parameters.")
final class KernelsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Main parent = (Main) spec.parent().userObject();
        print(parent.out());
        return Main.OK;
    }

    static void print(PrintStream out) {
        for (Kernel<?> k : Kernels.all().values()) {
            out.printf("%s  (%s, %s elements%s%s)%n", k.name(), k.kind().name().toLowerCase(java.util.Locale.ROOT),
                    k.elementType(), k.symmetric() ? ", symmetric" : "", k.needsEqualLengths() ? ", equal-length rows" : "");
            if (!k.description().isEmpty()) {
                out.println("    " + k.description());
            }
            for (Param p : k.params()) {
                out.printf("    --kernel-param %s=%s  (default %s%s)  %s%n", p.name(), typeName(p),
                        p.defaultValue() == null ? "none" : p.defaultValue(),
                        p.type() == Param.Type.STRING ? "" : ", range " + bound(p, p.min()) + ".." + bound(p, p.max()),
                        p.description());
            }
        }
        out.println();
        out.println("seed's exact definition (loops, uint32 wrap, summation order) and its golden files: docs/seed-kernel.md");
        out.flush();
    }

    private static String typeName(Param p) {
        return switch (p.type()) {
            case INT -> "INT";
            case DOUBLE -> "NUMBER";
            case STRING -> "NAME|PATH";
        };
    }

    private static String bound(Param p, double v) {
        if (p.type() == Param.Type.INT) {
            return v >= Integer.MAX_VALUE ? "inf" : Long.toString((long) v);
        }
        return Double.toString(v);
    }
}
