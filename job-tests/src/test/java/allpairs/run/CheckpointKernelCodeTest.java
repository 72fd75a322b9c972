package allpairs.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.UserError;
import allpairs.cli.BadInputTest;
import allpairs.config.InputConfig;
import allpairs.config.JobConfig;
import allpairs.config.KernelConfig;
import allpairs.config.OutputConfig;
import allpairs.config.RunConfig;
import allpairs.compute.TileEmitter;
import allpairs.kernel.DoubleKernel;
import allpairs.kernel.DoubleRows;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;
import allpairs.plan.Plan;
import allpairs.plan.Planner;
import allpairs.support.Cli;
import allpairs.support.NpyFiles;
import allpairs.support.TestSpark;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25, item 3: a plug-in kernel's jar replaced between a killed run and its resume (a deploy
 * in between) is another job: the resume is refused, naming the kernel's code, never mixed.
 */
class CheckpointKernelCodeTest {
    private static final String NAME = "test-deployed";
    /** Two builds of one plug-in: same name, same fields and serialized form, other values. */
    private static final String SOURCE = """
            package plug;
            public final class Deployed extends allpairs.kernel.DoubleKernel<double[]> {
                private static final long serialVersionUID = 1L;
                public String name() { return "%s"; }
                public String description() { return "test plug-in"; }
                public boolean symmetric() { return true; }
                public allpairs.kernel.KernelKind kind() { return allpairs.kernel.KernelKind.DISTANCE; }
                public java.util.List<allpairs.kernel.Param> params() { return java.util.List.of(); }
                public Deployed configure(allpairs.kernel.ParamValues values) { return this; }
                public double[] newScratch(int maxLength) { return new double[1]; }
                protected double compute(double[] xs, int xOff, int xLen, double[] ys, int yOff, int yLen,
                                         double[] scratch) {
                    return Math.abs(xs[xOff] - ys[yOff]) %s;
                }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void aResumeAfterThePluginsCodeChangedIsRefusedNamingIt() throws IOException {
        Path v1 = pluginJar("v1", "");
        Path v2 = pluginJar("v2", "+ 1.0");
        Path ck = dir.resolve("ck");
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(TestSpark.session().sparkContext());
        Inputs first = inputs(v1);
        Plan plan = Planner.plan(first.kernel(), first.query(), null, 2, 1, 1, 1L << 30);
        TileEmitter bound = new TileEmitter.Dense(true); // as the dense run below has it
        assertThat(Resume.from(ck.toString(), job(ck), first, plan, bound, sc).reused()).isEmpty();
        assertThat(Resume.from(ck.toString(), job(ck), inputs(v1), plan, bound, sc).plan().tiles())
                .as("the same code resumes").isEqualTo(plan.tiles());

        assertThatThrownBy(() -> Resume.from(ck.toString(), job(ck), inputs(v2), plan, bound, sc))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("checkpoint holds tiles of a different job")
                .hasMessageContaining("the kernel's code changed since the checkpoint was written")
                .hasMessageEndingWith(ck.toString());

        // on the command line (the same job but for the code): exit 2, one line naming the checkpoint, nothing written
        Path rows = NpyFiles.write(dir.resolve("rows.npy"), NpyFiles.v1(
                "{'descr': '<f8', 'fortran_order': False, 'shape': (6, 1), }", ByteBuffer.allocate(48)
                        .order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(2).putDouble(3).putDouble(4)
                        .putDouble(5).putDouble(6).array()));
        Cli refused = withPlugin(v2, () -> Cli.run(TestSpark.conf(), "--kernel", NAME, "--input", rows.toString(),
                "--output", dir.resolve("cli.npy").toString(), "--checkpoint", ck.toString()));
        BadInputTest.assertUserError(refused, "the kernel's code changed since the checkpoint was written",
                ck.toString());
        assertThat(dir.resolve("cli.npy")).doesNotExist();
    }

    private JobConfig job(Path ck) {
        String input = dir.resolve("rows.npy").toString();
        JobConfig plain = JobConfig.of(input, dir.resolve("out.npy").toString(), NAME, 2, null);
        return new JobConfig(new InputConfig(input, null, null), new KernelConfig(NAME, null),
                OutputConfig.at(dir.resolve("out.npy").toString()), plain.plan(), new RunConfig(0, ck.toString()));
    }

    /** The plug-in found as the job finds it (ServiceLoader, the thread's class loader), with 6 rows. */
    private static Inputs inputs(Path jar) throws IOException {
        return withPlugin(jar, () -> {
            Kernel<?> kernel = Kernels.configured(NAME, List.of());
            assertThat(kernel.getClass().getClassLoader()).isInstanceOf(URLClassLoader.class);
            return new Inputs(kernel, Kernels.parse(kernel, List.of()), DoubleRows.rectangular(6, 1,
                    new double[] {1, 2, 3, 4, 5, 6}), null);
        });
    }

    /** Runs {@code body} with the jar on the thread's class loader, as {@code --jars} puts it (a fresh loader). */
    private static <T> T withPlugin(Path jar, Supplier<T> body) throws IOException {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        URL[] urls = {jar.toUri().toURL()};
        try (URLClassLoader loader = new URLClassLoader(urls, Kernel.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return body.get();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    /** Compiles one build of the plug-in into DIR/NAME.jar, with its service registration. */
    private Path pluginJar(String name, String change) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src/plug")).resolve("Deployed.java");
        Files.writeString(src, SOURCE.formatted(NAME, change));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        String classpath = Path.of(codeSource(DoubleKernel.class)).toString();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-classpath", classpath, "-d", classes.toString(), src.toString());
        assertThat(rc).as("javac").isZero();
        Path jar = dir.resolve(name + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            put(out, "plug/Deployed.class", Files.readAllBytes(classes.resolve("plug/Deployed.class")));
            put(out, "META-INF/services/allpairs.kernel.Kernel", "plug.Deployed\n".getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static java.net.URI codeSource(Class<?> c) {
        try {
            return c.getProtectionDomain().getCodeSource().getLocation().toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(JarOutputStream out, String entry, byte[] bytes) throws IOException {
        out.putNextEntry(new JarEntry(entry));
        OutputStream o = out;
        o.write(bytes);
        out.closeEntry();
    }
}
