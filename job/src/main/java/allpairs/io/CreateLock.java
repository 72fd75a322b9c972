package allpairs.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The output lock on HDFS and other Hadoop file systems: the lock file's creation without
 * overwrite, which the HDFS NameNode does atomically (S3A does not: see the README). A lock left by
 * a dead process of this host is taken over; one from another host stays until a person removes it.
 */
final class CreateLock {
    private static final Logger LOG = LoggerFactory.getLogger(CreateLock.class);

    private CreateLock() {
    }

    /** The lock, or null when another run holds it. */
    static OutputLock.Held take(FileSystem fs, Path path, String owner) throws IOException {
        for (int attempt = 0; attempt < 3; attempt++) {
            if (create(fs, path, owner)) {
                return () -> {
                    if (owner.equals(OutputLock.read(fs, path))) {
                        fs.delete(path, false);
                    }
                };
            }
            String holder = OutputLock.read(fs, path);
            if (holder != null && !OutputLock.deadOnThisHost(holder)) {
                return null;
            }
            if (holder != null) {
                takeOver(fs, path, holder);
            }
        }
        return null;
    }

    private static boolean create(FileSystem fs, Path path, String owner) throws IOException {
        try (OutputStream os = fs.create(path, false)) {
            os.write((owner + "\n").getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            // HDFS reports a file another client is still writing as AlreadyBeingCreatedException.
            if (fs.exists(path)) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Removes a dead run's lock by moving it to a unique name (one contender wins the move) and
     * checking it is the lock judged dead; a live lock moved by mistake is put back.
     */
    private static void takeOver(FileSystem fs, Path path, String deadHolder) throws IOException {
        Path moved = new Path(path.getParent(), path.getName() + "-stale-" + UUID.randomUUID());
        try {
            FsMoves.move(fs, path, moved);
        } catch (IOException e) {
            return; // another contender moved it first
        }
        if (deadHolder.equals(OutputLock.read(fs, moved))) {
            LOG.info("taking over the lock {} of a run that is gone ({})", path, deadHolder);
            fs.delete(moved, false);
        } else {
            try {
                FsMoves.move(fs, moved, path);
            } catch (IOException e) {
                LOG.warn("moved a live lock {} aside to {} and could not put it back: {}", path, moved, e.toString());
            }
        }
    }
}
