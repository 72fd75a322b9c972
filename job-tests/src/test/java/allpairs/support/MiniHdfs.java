package allpairs.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;

/**
 * One in-process HDFS (a NameNode and a DataNode) per test JVM, bound to 127.0.0.1 with ephemeral
 * ports, its storage in a temporary directory. Started on first use, stopped when the JVM exits.
 */
public final class MiniHdfs {
    private static MiniDFSCluster cluster;

    private MiniHdfs() {
    }

    /** The cluster's file system (a fresh client each call, so tests can close theirs). */
    public static synchronized FileSystem fileSystem() {
        try {
            if (cluster == null) {
                cluster = start();
            }
            return FileSystem.newInstance(cluster.getURI(), cluster.getConfiguration(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MiniDFSCluster start() throws IOException {
        Path base = Files.createTempDirectory("allpairs-minidfs");
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, base.toString());
        conf.set("hadoop.tmp.dir", base.resolve("tmp").toString());
        for (String key : new String[] {"dfs.namenode.rpc-address", "dfs.namenode.http-address",
            "dfs.datanode.address", "dfs.datanode.http.address", "dfs.datanode.ipc.address"}) {
            conf.set(key, "127.0.0.1:0");
        }
        conf.set("dfs.namenode.rpc-bind-host", "127.0.0.1");
        conf.set("dfs.namenode.http-bind-host", "127.0.0.1");
        conf.setBoolean("dfs.permissions.enabled", true);
        MiniDFSCluster started = new MiniDFSCluster.Builder(conf).numDataNodes(1)
                .nameNodePort(0).nameNodeHttpPort(0).checkDataNodeAddrConfig(true).build();
        started.waitActive();
        Runtime.getRuntime().addShutdownHook(new Thread(started::shutdown, "minidfs-shutdown"));
        return started;
    }
}
