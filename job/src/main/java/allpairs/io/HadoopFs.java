package allpairs.io;

import allpairs.UserError;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.spark.SparkConf;
import scala.Tuple2;

/** Hadoop FileSystem access for paths of any scheme (file:, hdfs:, s3a:, ...). */
public final class HadoopFs {
    private HadoopFs() {
    }

    /**
     * The Hadoop configuration Spark would use, built before any SparkContext exists: defaults plus
     * every {@code spark.hadoop.*} setting with the prefix removed.
     */
    public static Configuration configuration(SparkConf conf) {
        Configuration hadoop = new Configuration();
        for (Tuple2<String, String> kv : conf.getAll()) {
            if (kv._1().startsWith("spark.hadoop.")) {
                hadoop.set(kv._1().substring("spark.hadoop.".length()), kv._2());
            }
        }
        return hadoop;
    }

    /** The same for Spark settings as a plain map. */
    public static Configuration configuration(Map<String, String> sparkSettings) {
        SparkConf conf = new SparkConf(false);
        sparkSettings.forEach(conf::set);
        return configuration(conf);
    }

    /**
     * The file system of {@code path}. On the local file system we skip Hadoop's {@code .crc}
     * side files: users read our outputs with NumPy and DuckDB, not through Hadoop.
     */
    public static FileSystem of(Path path, Configuration conf) throws IOException {
        FileSystem fs = path.getFileSystem(conf);
        return fs instanceof LocalFileSystem local ? local.getRawFileSystem() : fs;
    }

    /** The status of an input file; a missing one is the user's error, named by {@code location}. */
    public static FileStatus inputStatus(FileSystem fs, Path path, String location) throws IOException {
        try {
            return fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            throw new UserError("input file does not exist", location);
        }
    }

    /**
     * The local file behind {@code path} when {@code fs} is the local file system, else null: there
     * we use the operating system's exclusive primitives, which Hadoop's local FS does not.
     */
    public static java.io.File localFile(FileSystem fs, Path path) {
        if (fs instanceof RawLocalFileSystem raw) {
            return raw.pathToFile(path);
        }
        return fs instanceof LocalFileSystem local ? local.pathToFile(path) : null;
    }
}
