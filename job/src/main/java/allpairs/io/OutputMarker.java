package allpairs.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;

/**
 * What marks an output as written by allpairs, so that --overwrite replaces only that: a small
 * JSON file, inside a directory output ({@code _allpairs.json}, ignored by Parquet readers) or
 * beside a file output ({@code NAME.allpairs.json}). It lists the output's files (a directory's
 * contents, a file's length) and the sidecars that belong to it.
 *
 * @param files for a directory output, its files relative to it; empty for a file output
 * @param length a file output's length in bytes; -1 for a directory
 */
record OutputMarker(String run, boolean directory, long length, List<String> files, List<String> sidecars) {
    static final String INSIDE = "_allpairs.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    static String beside(String name) {
        return name + ".allpairs.json";
    }

    /** The names, in the output's folder, that make up the output: sidecars, the output, its marker last. */
    List<String> items(String name) {
        List<String> items = new ArrayList<>(sidecars);
        items.add(name);
        if (!directory) {
            items.add(beside(name));
        }
        return items;
    }

    /** Describes what is at {@code location} now. */
    static OutputMarker describe(FileSystem fs, Path location, String run, List<String> sidecars) throws IOException {
        FileStatus st = fs.getFileStatus(location);
        if (!st.isDirectory()) {
            return new OutputMarker(run, false, st.getLen(), List.of(), List.copyOf(sidecars));
        }
        return new OutputMarker(run, true, -1, filesIn(fs, location), List.copyOf(sidecars));
    }

    /** Writes this marker for the output at {@code location} (inside or beside it). */
    void write(FileSystem fs, Path location) throws IOException {
        writeTo(fs, where(location, directory));
    }

    /** Writes this marker to {@code file}, which must not exist. */
    void writeTo(FileSystem fs, Path file) throws IOException {
        ObjectNode node = JSON.createObjectNode().put("written_by", "allpairs").put("run", run)
                .put("kind", directory ? "directory" : "file").put("length", length);
        files.forEach(node.putArray("files")::add);
        sidecars.forEach(node.putArray("sidecars")::add);
        try (OutputStream os = fs.create(file, false)) {
            os.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
        }
    }

    /**
     * The marker of an allpairs output at {@code location}, or null when what is there was not
     * written by allpairs. With nothing at {@code location}, a leftover marker beside it still
     * counts (its sidecars are ours to replace).
     */
    static OutputMarker read(FileSystem fs, Path location) throws IOException {
        FileStatus st = fs.exists(location) ? fs.getFileStatus(location) : null;
        boolean dir = st != null && st.isDirectory();
        OutputMarker m = parse(fs, where(location, dir));
        if (m == null || m.directory() != dir && st != null) {
            return null;
        }
        return st == null || dir || st.getLen() == m.length() ? m : null;
    }

    /** The first file inside a directory output that this marker does not list, or null. */
    Path foreign(FileSystem fs, Path location) throws IOException {
        if (!directory) {
            return null;
        }
        Path root = fs.makeQualified(location);
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            Path p = it.next().getPath();
            String rel = relative(root, p);
            if (!rel.equals(INSIDE) && !files.contains(rel)) {
                return p;
            }
        }
        return null;
    }

    static OutputMarker parse(FileSystem fs, Path file) throws IOException {
        if (!fs.exists(file)) {
            return null;
        }
        JsonNode node;
        try (InputStream in = fs.open(file)) {
            node = JSON.readTree(in);
        } catch (IOException e) {
            return null; // not JSON: not ours
        }
        if (node == null || !"allpairs".equals(node.path("written_by").asText())) {
            return null;
        }
        return new OutputMarker(node.path("run").asText(), "directory".equals(node.path("kind").asText()),
                node.path("length").asLong(-1), strings(node.path("files")), strings(node.path("sidecars")));
    }

    private static Path where(Path location, boolean directory) {
        return directory ? new Path(location, INSIDE) : new Path(location.getParent(), beside(location.getName()));
    }

    private static List<String> filesIn(FileSystem fs, Path dir) throws IOException {
        Path root = fs.makeQualified(dir);
        List<String> files = new ArrayList<>();
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
        while (it.hasNext()) {
            files.add(relative(root, it.next().getPath()));
        }
        files.sort(null);
        return files;
    }

    private static String relative(Path root, Path p) {
        return root.toUri().relativize(p.toUri()).getPath();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
