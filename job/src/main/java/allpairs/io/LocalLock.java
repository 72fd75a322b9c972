package allpairs.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The output lock on the local file system: an OS lock (fcntl) on the lock file, exclusive between
 * processes and, through the JVM's own table, between threads. The OS drops it when the holder
 * dies, even by SIGKILL, so a leftover file is no lock at all.
 */
final class LocalLock {
    private LocalLock() {
    }

    /** The lock, or null when another run holds it. */
    static OutputLock.Held take(Path file, String owner) throws IOException {
        Files.createDirectories(file.getParent());
        for (int attempt = 0; attempt < 5; attempt++) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // a thread of this JVM holds it
            }
            if (lock == null) {
                channel.close();
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((owner + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            // A holder deletes the file before it unlocks: if we locked a file that is no longer at
            // the path, the path now belongs to someone else; try it again. The check reads through
            // a second descriptor kept open while we hold the lock: closing any descriptor of a
            // file drops the process's fcntl locks on it.
            FileChannel check = openToRead(file);
            if (check != null && owner.equals(contents(check))) {
                return () -> {
                    try {
                        Files.deleteIfExists(file);
                    } finally {
                        check.close();
                        channel.close();
                    }
                };
            }
            if (check != null) {
                check.close();
            }
            channel.close();
        }
        return null;
    }

    private static FileChannel openToRead(Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String contents(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        while (channel.read(buf) > 0 && buf.hasRemaining()) {
            // read all of a short file
        }
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }
}
