package allpairs.io;

import allpairs.UserError;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A small file (the summary JSON, a sidecar) written whole or not at all: to a hidden temporary
 * beside it, then moved onto its name, replacing the previous one (in one step on local FS and HDFS).
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Refuses, before any work, a place where {@code option}'s file cannot be written: an existing
     * directory, a parent that is a file, a folder we may not write. Null: nothing to check.
     */
    public static void checkTarget(String location, Configuration hadoop, String option) throws IOException {
        if (location == null) {
            return;
        }
        Path path = new Path(location);
        if (path.getName().isEmpty()) {
            throw new UserError("cannot write " + option + ": the path has no file name", "option " + option);
        }
        FileSystem fs = HadoopFs.of(path, hadoop);
        FileStatus at = status(fs, path);
        if (at != null && at.isDirectory()) {
            throw new UserError("cannot write " + option + ": " + path + " is a directory", "option " + option);
        }
        for (Path p = path.getParent(); p != null; p = p.getParent()) {
            FileStatus st = status(fs, p);
            if (st == null) {
                continue; // created when the file is written
            }
            if (!st.isDirectory()) {
                throw new UserError("cannot write " + option + " " + path + ": " + p + " is a file, not a directory",
                        "option " + option);
            }
            File local = HadoopFs.localFile(fs, p);
            if (local != null && !Files.isWritable(local.toPath())) {
                throw new UserError("cannot write " + option + " " + path + ": the directory " + p
                        + " is not writable", "option " + option);
            }
            return;
        }
    }

    /** Writes {@code text} to {@code location} (any Hadoop file system), replacing what is there. */
    public static void write(String location, String text, Configuration hadoop) throws IOException {
        Path path = new Path(location);
        FileSystem fs = HadoopFs.of(path, hadoop);
        write(fs, fs.makeQualified(path), text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} to {@code path} of {@code fs}, replacing what is there. */
    public static void write(FileSystem fs, Path path, byte[] content) throws IOException {
        Path temp = new Path(path.getParent(), "." + path.getName() + AtomicOutput.MARK + "tmp-" + UUID.randomUUID());
        try {
            try (OutputStream os = fs.create(temp, false)) {
                os.write(content);
            }
            FsMoves.replace(fs, temp, path);
        } finally {
            fs.delete(temp, false); // gone once moved; removed if anything failed
        }
    }

    private static FileStatus status(FileSystem fs, Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (java.io.FileNotFoundException e) {
            return null;
        } catch (org.apache.hadoop.fs.ParentNotDirectoryException e) {
            return null; // an ancestor is a file: found further up
        }
    }
}
