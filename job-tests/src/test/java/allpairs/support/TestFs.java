package allpairs.support;

import allpairs.io.HadoopFs;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** A fresh directory on one of the file systems the output commit supports: local or (mini) HDFS. */
public record TestFs(String name, FileSystem fs, Path root) {

    /** For {@code @MethodSource}: the same test on the local file system and on HDFS. */
    public static Stream<TestFs> both() {
        return Stream.of(local(), hdfs());
    }

    public static TestFs local() {
        try {
            java.nio.file.Path dir = Files.createTempDirectory("allpairs-fs");
            Path root = new Path(dir.toUri());
            return new TestFs("local", HadoopFs.of(root, new Configuration()), root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestFs hdfs() {
        FileSystem fs = MiniHdfs.fileSystem();
        Path root = fs.makeQualified(new Path("/t-" + UUID.randomUUID()));
        try {
            fs.mkdirs(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestFs("hdfs", fs, root);
    }

    public Path path(String relative) {
        return new Path(root, relative);
    }

    public Path write(String relative, String text) throws IOException {
        Path p = path(relative);
        try (OutputStream os = fs.create(p, true)) {
            os.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return p;
    }

    public String read(String relative) throws IOException {
        try (var in = fs.open(path(relative))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    public boolean exists(String relative) throws IOException {
        return fs.exists(path(relative));
    }

    /** Names in the root directory, hidden ones included. */
    public List<String> names() throws IOException {
        List<String> names = new ArrayList<>();
        for (FileStatus st : fs.listStatus(root)) {
            names.add(st.getPath().getName());
        }
        names.sort(null);
        return names;
    }

    @Override
    public String toString() {
        return name;
    }
}
