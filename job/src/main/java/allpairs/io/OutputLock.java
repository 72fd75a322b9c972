package allpairs.io;

import allpairs.UserError;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per output at a time: a lock file {@code .NAME.allpairs-lock} beside the output that
 * names its holder (host, pid, run). On the local file system the lock is an OS file lock on it
 * ({@link LocalLock}), which the OS drops when the holder dies; elsewhere it is the file's
 * exclusive creation ({@link CreateLock}: exclusive on HDFS, not on S3A).
 */
final class OutputLock {
    private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);

    /** What releasing a taken lock does. */
    interface Held {
        void release() throws IOException;
    }

    private final Path path;
    private final Held held;

    private OutputLock(Path path, Held held) {
        this.path = path;
        this.held = held;
    }

    static Path pathFor(Path target) {
        return new Path(target.getParent(), "." + target.getName() + AtomicOutput.MARK + "lock");
    }

    static OutputLock acquire(FileSystem fs, Path target, String runId) throws IOException {
        Path path = pathFor(target);
        String owner = host() + " " + ProcessHandle.current().pid() + " " + runId;
        File local = HadoopFs.localFile(fs, path);
        Held held = local != null ? LocalLock.take(local.toPath(), owner) : CreateLock.take(fs, path, owner);
        if (held == null) {
            String holder = read(fs, path);
            String hint = local != null ? "it is released when that process ends"
                    : "if that run is dead (check the host), delete " + path;
            throw new UserError("another allpairs run is writing this output (lock held by "
                    + (holder == null || holder.isEmpty() ? "a run starting now" : holder) + "; " + hint + ")",
                    target.toString());
        }
        return new OutputLock(path, held);
    }

    void release() {
        try {
            held.release();
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the output lock {}: {}", path, e.toString());
        }
    }

    /** A holder recorded by a process of this host that no longer runs. */
    static boolean deadOnThisHost(String holder) {
        String[] parts = holder.trim().split(" ");
        if (parts.length < 2 || !parts[0].equals(host())) {
            return false;
        }
        try {
            return ProcessHandle.of(Long.parseLong(parts[1])).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The first line of {@code path}, or null if it vanished meanwhile. */
    static String read(FileSystem fs, Path path) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return null;
        }
    }

    static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
