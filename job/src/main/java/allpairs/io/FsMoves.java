package allpairs.io;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Options;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hdfs.DistributedFileSystem;

/**
 * Renames with one meaning on every file system. Hadoop's {@code rename} differs: the local FS
 * replaces an existing file (and copies into an existing directory), HDFS and S3A move the source
 * into an existing directory. {@link #move} never replaces and never moves into; {@link #replace}
 * swaps a file in one step where the file system can.
 */
final class FsMoves {
    private FsMoves() {
    }

    /** Moves {@code src} to {@code dst}; {@link FileAlreadyExistsException} if {@code dst} exists. */
    static void move(FileSystem fs, Path src, Path dst) throws IOException {
        File local = HadoopFs.localFile(fs, src);
        if (local != null) {
            moveLocal(local.toPath(), HadoopFs.localFile(fs, dst).toPath());
        } else if (fs instanceof DistributedFileSystem dfs) {
            dfs.rename(src, dst, Options.Rename.NONE); // one NameNode operation: fails if dst exists
        } else {
            // S3A and others: no exclusive rename; the lock keeps our own runs apart.
            if (fs.exists(dst)) {
                throw new FileAlreadyExistsException(dst.toString());
            }
            if (!fs.rename(src, dst)) {
                throw new IOException("cannot rename " + src + " to " + dst);
            }
        }
    }

    private static void moveLocal(java.nio.file.Path src, java.nio.file.Path dst) throws IOException {
        if (Files.isRegularFile(src, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.exists(dst, LinkOption.NOFOLLOW_LINKS) && Files.isSameFile(src, dst)) {
                Files.delete(src); // a move killed between its link and its unlink
                return;
            }
            try {
                Files.createLink(dst, src); // link(2) fails atomically when dst exists
                Files.delete(src);
                return;
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new FileAlreadyExistsException(dst.toString());
            } catch (NoSuchFileException e) {
                throw e;
            } catch (UnsupportedOperationException | FileSystemException e) {
                // no hard links here (some network and FUSE file systems): check, then rename
            }
        }
        if (Files.exists(dst, LinkOption.NOFOLLOW_LINKS)) {
            throw new FileAlreadyExistsException(dst.toString());
        }
        Files.move(src, dst); // rename(2); for a directory it fails on a non-empty dst
    }

    /** Moves the file {@code src} onto {@code dst}, replacing a file there (in one step on local FS and HDFS). */
    static void replace(FileSystem fs, Path src, Path dst) throws IOException {
        File local = HadoopFs.localFile(fs, src);
        if (local != null) {
            Files.move(local.toPath(), HadoopFs.localFile(fs, dst).toPath(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } else if (fs instanceof DistributedFileSystem dfs) {
            dfs.rename(src, dst, Options.Rename.OVERWRITE);
        } else {
            if (fs.exists(dst)) {
                if (fs.getFileStatus(dst).isDirectory()) {
                    throw new IOException("cannot replace the directory " + dst + " with a file");
                }
                fs.delete(dst, false);
            }
            if (!fs.rename(src, dst)) {
                throw new IOException("cannot rename " + src + " to " + dst);
            }
        }
    }
}
