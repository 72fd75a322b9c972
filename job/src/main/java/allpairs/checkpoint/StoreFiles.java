package allpairs.checkpoint;

import allpairs.UserError;
import allpairs.io.HadoopFs;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The files of a checkpoint directory, recognised by name: the manifest, the lock, {@code tiles/}
 * with its tiles, and the temporaries of each (also those of earlier versions). A directory with
 * anything else is not ours: it is refused, and nothing in it is ever deleted.
 */
final class StoreFiles {
    private static final Pattern TOP = Pattern.compile(
            "manifest\\.properties|tiles|\\.allpairs-lock(-stale-.*)?|\\.manifest\\.properties\\.allpairs-tmp-.*"
                    + "|_manifest\\.properties\\..*");
    private static final Pattern TILE = Pattern.compile("t-\\d+-\\d+\\.tile");
    private static final Pattern TILE_TEMP = Pattern.compile("\\.t-\\d+-\\d+\\.tile\\.allpairs-tmp-.*|_t-\\d+-\\d+\\..*");

    private StoreFiles() {
    }

    /** Refuses DIR (exit 2, naming the first stranger) when it holds a file allpairs did not write. */
    static void requireOurs(String dir, Configuration conf) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = HadoopFs.of(root, conf);
        FileStatus[] top = list(fs, root);
        if (top == null) {
            return;
        }
        for (FileStatus st : top) {
            String name = st.getPath().getName();
            boolean ours = name.equals("tiles") ? st.isDirectory() : TOP.matcher(name).matches() && st.isFile();
            if (!ours) {
                throw stranger(new Path(dir, name));
            }
        }
        FileStatus[] tiles = list(fs, new Path(root, "tiles"));
        for (int i = 0; tiles != null && i < tiles.length; i++) {
            String name = tiles[i].getPath().getName();
            if (!tiles[i].isFile() || !(TILE.matcher(name).matches() || TILE_TEMP.matcher(name).matches())) {
                throw stranger(new Path(new Path(dir, "tiles"), name));
            }
        }
    }

    /**
     * Deletes the tiles and their temporaries (a directory {@link #requireOurs} accepted), then the
     * manifest: killed midway, what is left is the old checkpoint with fewer tiles, never a mix.
     */
    static void clear(String dir, Configuration conf) throws IOException {
        Path root = new Path(dir);
        FileSystem fs = HadoopFs.of(root, conf);
        for (Path p : tiles(fs, root)) {
            fs.delete(p, false);
        }
        fs.delete(new Path(root, Manifest.NAME), false);
    }

    /** The tile files (and their temporaries) in DIR/tiles. */
    private static List<Path> tiles(FileSystem fs, Path root) throws IOException {
        List<Path> found = new ArrayList<>();
        FileStatus[] tiles = list(fs, new Path(root, "tiles"));
        for (int i = 0; tiles != null && i < tiles.length; i++) {
            String name = tiles[i].getPath().getName();
            if (tiles[i].isFile() && (TILE.matcher(name).matches() || TILE_TEMP.matcher(name).matches())) {
                found.add(tiles[i].getPath());
            }
        }
        return found;
    }

    private static FileStatus[] list(FileSystem fs, Path dir) throws IOException {
        try {
            FileStatus st = fs.getFileStatus(dir);
            if (!st.isDirectory()) {
                throw new UserError("the checkpoint is a file, not a directory", dir.toString());
            }
            return fs.listStatus(dir);
        } catch (FileNotFoundException e) {
            return null;
        }
    }

    private static UserError stranger(Path p) {
        return new UserError("the checkpoint directory holds a file which allpairs did not write; use a new or empty"
                + " directory (nothing in this one was changed)", p.toString());
    }
}
