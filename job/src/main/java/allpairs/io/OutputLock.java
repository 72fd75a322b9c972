package allpairs.io;

import allpairs.UserError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run per output at a time: a lock file {@code .NAME.allpairs-lock} beside the output, created
 * exclusively (create with overwrite=false, atomic on local file systems and HDFS). It records
 * host and pid, so a lock left by a killed run on this host is recognised as stale and taken over.
 */
final class OutputLock {
    private static final Logger LOG = LoggerFactory.getLogger(OutputLock.class);

    private final FileSystem fs;
    private final Path path;

    private OutputLock(FileSystem fs, Path path) {
        this.fs = fs;
        this.path = path;
    }

    static Path pathFor(Path target) {
        return new Path(target.getParent(), "." + target.getName() + AtomicOutput.MARK + "lock");
    }

    static OutputLock acquire(FileSystem fs, Path target, String runId) throws IOException {
        Path path = pathFor(target);
        String owner = host() + " " + ProcessHandle.current().pid() + " " + runId;
        for (int attempt = 0; attempt < 2; attempt++) {
            try (OutputStream os = fs.create(path, false)) {
                os.write((owner + "\n").getBytes(StandardCharsets.UTF_8));
                return new OutputLock(fs, path);
            } catch (FileAlreadyExistsException e) {
                String holder = read(fs, path);
                if (holder != null && !isStale(holder)) {
                    throw new UserError("another allpairs run is writing this output (lock held by " + holder
                            + "; if no run is active, delete " + path + ")", target.toString());
                }
                LOG.info("taking over the lock {} of a run that is gone ({})", path, holder);
                fs.delete(path, false);
            } catch (IOException e) {
                // Some file systems report an existing file as a plain IOException.
                if (!fs.exists(path)) {
                    throw e;
                }
                String holder = read(fs, path);
                if (holder != null && !isStale(holder)) {
                    throw new UserError("another allpairs run is writing this output (lock held by " + holder
                            + "; if no run is active, delete " + path + ")", target.toString());
                }
                fs.delete(path, false);
            }
        }
        throw new UserError("cannot take the output lock " + path, target.toString());
    }

    void release() {
        try {
            fs.delete(path, false);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not remove the output lock {}: {}", path, e.toString());
        }
    }

    /** A lock is stale when it names this host and a process that no longer runs. */
    private static boolean isStale(String holder) {
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

    private static String read(FileSystem fs, Path path) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(fs.open(path), StandardCharsets.UTF_8))) {
            String line = r.readLine();
            return line == null ? "" : line;
        } catch (IOException e) {
            return null; // vanished meanwhile
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
