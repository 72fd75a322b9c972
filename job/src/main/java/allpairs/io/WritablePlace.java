package allpairs.io;

import allpairs.UserError;
import java.io.File;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.ParentNotDirectoryException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.security.AccessControlException;

/**
 * Whether a run can create what it writes under a directory, checked before any work so that a bad
 * place is one line and exit 2, not an I/O error after the job: the nearest directory that exists
 * (missing ones are created when written) must be a directory we may write.
 */
public final class WritablePlace {
    private WritablePlace() {
    }

    /**
     * Refuses {@code dir} when a file stands where it or one of its ancestors must be a directory, or
     * when the nearest existing one is not writable.
     *
     * @param what what is written there, for the message: "cannot write WHAT: ..."
     */
    public static void require(FileSystem fs, Path dir, String what, String option) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            FileStatus st = status(fs, p);
            if (st == null) {
                continue; // created when the file is written
            }
            if (!st.isDirectory()) {
                throw new UserError("cannot write " + what + ": " + p + " is a file, not a directory", option);
            }
            if (!writable(fs, p)) {
                throw new UserError("cannot write " + what + ": the directory " + p + " is not writable", option);
            }
            return;
        }
    }

    /** What is at {@code p}, or null if nothing is (an ancestor that is a file is found further up). */
    public static FileStatus status(FileSystem fs, Path p) throws IOException {
        try {
            return fs.getFileStatus(p);
        } catch (FileNotFoundException | ParentNotDirectoryException e) {
            return null;
        }
    }

    private static boolean writable(FileSystem fs, Path dir) throws IOException {
        File local = HadoopFs.localFile(fs, dir);
        if (local != null) {
            return Files.isWritable(local.toPath()); // access(2): also a read-only mount; root passes chmod
        }
        try {
            fs.access(dir, FsAction.WRITE);
            return true;
        } catch (AccessControlException e) {
            return false;
        }
    }
}
