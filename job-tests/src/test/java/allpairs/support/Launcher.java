package allpairs.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs ./submit.sh as a separate process, the way users and schedulers do. */
public final class Launcher {
    public final int exitCode;
    public final String out;
    public final String err;

    private Launcher(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    public static Path root() {
        return Path.of(System.getProperty("allpairs.root"));
    }

    public static Launcher run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(180, env, args);
    }

    /** As above, waiting at most {@code seconds} for submit.sh to end. */
    public static Launcher run(int seconds, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        Launcher r = runOrKill(seconds, env, args);
        if (r.exitCode == KILLED) {
            throw new AssertionError("submit.sh did not finish in " + seconds + " s: " + List.of(args) + "\n" + r);
        }
        return r;
    }

    /** The exit code of a run {@link #runOrKill} had to kill. */
    public static final int KILLED = -1;

    /** As {@link #run}, but a run still going after {@code seconds} is killed and reported as {@link #KILLED}. */
    public static Launcher runOrKill(int seconds, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(root().resolve("submit.sh").toString());
        cmd.addAll(List.of(args));
        Path outFile = Files.createTempFile("submit", ".out");
        Path errFile = Files.createTempFile("submit", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(root().toFile())
                .redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().putAll(env);
        Process p = pb.start();
        int exit;
        if (p.waitFor(seconds, TimeUnit.SECONDS)) {
            exit = p.exitValue();
        } else {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            exit = KILLED;
        }
        Launcher r = new Launcher(exit, Files.readString(outFile, StandardCharsets.UTF_8),
                Files.readString(errFile, StandardCharsets.UTF_8));
        Files.delete(outFile);
        Files.delete(errFile);
        return r;
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
    }
}
