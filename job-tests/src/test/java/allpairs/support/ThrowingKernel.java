package allpairs.support;

import allpairs.UserError;
import allpairs.kernel.DoubleKernel;
import allpairs.kernel.Kernel;
import allpairs.kernel.KernelKind;
import allpairs.kernel.Param;
import allpairs.kernel.ParamValues;
import allpairs.kernel.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

/**
 * A test kernel that fails on purpose, to force each path to an exit code: {@code throw=} oom,
 * stack (a real StackOverflowError, by recursion), error (an Error), runtime, user (a UserError);
 * {@code at=} driver (while the rows are checked, before Spark) or task (in compute, on an executor).
 * Not in the test classpath's services file (the contract tests run every listed kernel): tests
 * make it visible with {@link #jar}, on a class loader or to spark-submit's --jars.
 */
public final class ThrowingKernel extends DoubleKernel<double[]> {
    private static final long serialVersionUID = 1L;
    public static final String NAME = "test-throwing";
    private final String what;
    private final boolean inTask;

    public ThrowingKernel() {
        this("runtime", true);
    }

    private ThrowingKernel(String what, boolean inTask) {
        this.what = what;
        this.inTask = inTask;
    }

    /** A jar of this class and a services file naming it. */
    public static Path jar(Path dir) throws IOException {
        Path jar = dir.resolve("throwing-kernel.jar");
        String entry = ThrowingKernel.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             InputStream cls = ThrowingKernel.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry("META-INF/services/" + Kernel.class.getName()));
            out.write((ThrowingKernel.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry(entry));
            cls.transferTo(out);
        }
        return jar;
    }

    /** Runs {@code body} with this kernel listed to {@code --kernel} (through the context class loader). */
    public static <T> T visible(Path dir, Supplier<T> body) throws IOException {
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar(dir).toUri().toURL()}, before)) {
            thread.setContextClassLoader(loader);
            return body.get();
        } finally {
            thread.setContextClassLoader(before);
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean symmetric() {
        return true;
    }

    @Override
    public KernelKind kind() {
        return KernelKind.DISTANCE;
    }

    @Override
    public List<Param> params() {
        return List.of(Param.ofString("throw", "oom, stack, error, runtime or user"),
                Param.ofString("at", "driver or task"));
    }

    @Override
    public ThrowingKernel configure(ParamValues values) {
        return new ThrowingKernel(values.isSet("throw") ? values.getString("throw") : "runtime",
                !values.isSet("at") || values.getString("at").equals("task"));
    }

    @Override
    public void checkRows(Rows rows, String where) {
        if (!inTask) {
            fail();
        }
    }

    @Override
    public double[] newScratch(int maxLength) {
        return new double[1];
    }

    @Override
    protected double compute(double[] xs, int xOff, int xLen, double[] ys, int yOff, int yLen, double[] scratch) {
        fail();
        return 0;
    }

    private void fail() {
        switch (what) {
            case "oom": throw new OutOfMemoryError("Java heap space (thrown by the test kernel)");
            case "stack": recurse(0); break;
            case "error": throw new LinkageError("an Error thrown by the test kernel");
            case "user": throw new UserError("the test kernel refuses this row", "row 0");
            default: throw new IllegalStateException("a RuntimeException thrown by the test kernel");
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
