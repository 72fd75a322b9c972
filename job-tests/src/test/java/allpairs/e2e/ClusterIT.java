package allpairs.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import allpairs.support.Fixtures;
import allpairs.support.Launcher;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark standalone cluster on this machine (`./submit.sh cluster start`: one master, two
 * workers, each executor its own JVM), the job submitted to it in client mode, the output compared
 * with a `local[*]` run and with the golden file. The cluster lives in this class's temp dir and is
 * stopped in {@link #stopCluster()} whatever happened.
 */
class ClusterIT {
    static final ObjectMapper JSON = new ObjectMapper();
    static final Pattern MASTER_URL = Pattern.compile("spark://127\\.0\\.0\\.1:(\\d+)");
    static final int M = 40;
    static final int N = 12;

    @TempDir
    static Path dir;
    static Path clusterDir;
    static String master;
    static int masterPort;

    static Map<String, String> clusterEnv() {
        return Map.of("ALLPAIRS_CLUSTER_DIR", clusterDir.toString());
    }

    @BeforeAll
    static void startCluster() throws Exception {
        clusterDir = dir.resolve("cluster");
        Launcher r = Launcher.run(clusterEnv(), "cluster", "start");
        assertThat(r.exitCode).as(r.toString()).isZero();
        Matcher url = MASTER_URL.matcher(r.out.strip());
        assertThat(url.matches()).as("stdout is exactly the master URL: " + r).isTrue();
        master = url.group(0);
        masterPort = Integer.parseInt(url.group(1));
        assertThat(clusterDir.resolve("worker-1.pid")).exists();
        assertThat(clusterDir.resolve("worker-2.pid")).exists();

        Launcher status = Launcher.run(clusterEnv(), "cluster", "status");
        assertThat(status.exitCode).as(status.toString()).isZero();
        assertThat(status.out.strip()).isEqualTo(master);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (clusterDir == null) {
            return;
        }
        List<ProcessHandle> daemons = new ArrayList<>();
        for (String name : List.of("master", "worker-1", "worker-2")) {
            Path pid = clusterDir.resolve(name + ".pid");
            if (Files.exists(pid)) {
                ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).ifPresent(daemons::add);
            }
        }
        try {
            Launcher r = Launcher.run(clusterEnv(), "cluster", "stop");
            assertThat(r.exitCode).as(r.toString()).isZero();
            assertThat(r.out).isEmpty();
            for (ProcessHandle p : daemons) {
                // stop waited for the exit; give init a moment to reap the (re-parented) process
                // (onExit completes when the process no longer exists).
                p.onExit().get(10, TimeUnit.SECONDS);
            }
            if (masterPort > 0) {
                assertThatThrownBy(() -> {
                    try (Socket s = new Socket()) {
                        s.connect(new InetSocketAddress("127.0.0.1", masterPort), 2000);
                    }
                }).as("master port " + masterPort + " still listens").isInstanceOf(ConnectException.class);
            }
            Launcher status = Launcher.run(clusterEnv(), "cluster", "status");
            assertThat(status.exitCode).as(status.toString()).isNotZero();
            assertThat(status.out).isEmpty();
        } finally {
            // Never leave a cluster behind, even when stop itself failed.
            for (ProcessHandle p : daemons) {
                if (p.isAlive()) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            }
        }
    }

    /** A driver on loopback that submits to this test's cluster (submit.sh then gives it the secret). */
    static Map<String, String> clientEnv() {
        return Map.of("SPARK_LOCAL_IP", "127.0.0.1", "ALLPAIRS_CLUSTER_DIR", clusterDir.toString());
    }

    /**
     * Issue 16: spark.authenticate with a secret generated at start, readable only by this user and
     * on no command line. A driver without it is refused (the master drops its unauthenticated
     * connection: no executor, the run fails); the jobs above ran with it.
     */
    @Test
    void aClientWithoutTheSecretIsRefused() throws Exception {
        for (String file : List.of("secret", "spark-daemons.conf")) {
            assertThat(Files.getPosixFilePermissions(clusterDir.resolve(file)))
                    .as(file).isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
        String secret = Files.readString(clusterDir.resolve("secret")).strip();
        assertThat(secret).matches("[0-9a-f]{64}");
        assertThat(ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse("")))
                .noneMatch(cmd -> cmd.contains(secret));
        assertThat(Files.readString(clusterDir.resolve("master.log"))).contains("authentication enabled");

        Path noSecret = Files.writeString(dir.resolve("no-secret.properties"), "spark.ui.enabled false\n");
        Path out = dir.resolve("refused.npy");
        // Spark gives up registering after 3 tries of 20 s each and stops the context; the run's job fails and
        // the driver exits 1. (It used to hang at times: the failed run destroyed its broadcasts on the stopped
        // context, which waits forever in Spark's BlockInfoManager; broadcasts are now destroyed only after a
        // successful job.)
        Launcher refused = Launcher.runOrKill(150, clientEnv(), "--master", master, "--properties-file",
                noSecret.toString(),
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.executor.extraJavaOptions=-Dallpairs.cluster.refused=yes", "--",
                "--kernel", "seed", "--input", Fixtures.input(M, N).toString(), "--output", out.toString(),
                "--progress", "off");
        assertThat(refused.exitCode).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err).as(refused.toString()).contains("allpairs: internal error");
        assertThat(out).doesNotExist();
        assertThat(executorsOfOurWorkers()).noneMatch(p -> p.info().commandLine().orElse("")
                .contains("allpairs.cluster.refused"));
    }

    /** Client mode (the default) against the test cluster; the driver and its UI on loopback only. */
    static Launcher submitToCluster(String... jobArgs) throws Exception {
        List<String> args = new ArrayList<>(List.of("--master", master, "--deploy-mode", "client",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--"));
        args.addAll(List.of(jobArgs));
        return Launcher.run(clientEnv(), args.toArray(String[]::new));
    }

    static JsonNode summary(Launcher r) throws IOException {
        assertThat(r.exitCode).as(r.toString()).isZero();
        assertThat(r.out.lines()).as(r.toString()).hasSize(1);
        JsonNode s = JSON.readTree(r.out);
        assertThat(s.get("kernel").asText()).isEqualTo("seed");
        assertThat(s.get("m").asInt()).isEqualTo(M);
        assertThat(s.get("n").asInt()).isEqualTo(N);
        assertThat(s.get("k").asInt()).isEqualTo(M);
        assertThat(s.get("pairs").asLong()).isEqualTo((long) M * (M + 1) / 2);
        assertThat(s.get("block_size").asInt()).isEqualTo(5);
        assertThat(s.get("tiles").asInt()).isEqualTo(8 * 9 / 2); // 8 blocks of 5 rows, I <= J
        return s;
    }

    @Test
    void npyFromTheClusterIsByteIdenticalToLocalAndGolden() throws Exception {
        Path input = Fixtures.input(M, N);
        Path onCluster = dir.resolve("cluster.npy");
        Path local = dir.resolve("local.npy");

        JsonNode s = summary(submitToCluster("--kernel", "seed", "--input", input.toString(), "--output", onCluster.toString(),
                "--block-size", "5", "--partitions", "6"));
        assertThat(s.get("format").asText()).isEqualTo("npy");
        assertThat(s.get("output").asText()).endsWith(onCluster.toString());
        assertThat(s.get("partitions").asInt()).isEqualTo(6);

        summary(Launcher.run(Map.of(), "--master", "local[*]", "--", "--kernel", "seed", "--input", input.toString(), "--output",
                local.toString(), "--block-size", "5", "--partitions", "6"));

        assertThat(Files.readAllBytes(onCluster)).isEqualTo(Files.readAllBytes(local))
                .isEqualTo(Fixtures.bytes(Fixtures.output(M, N)));
        assertExecutorsRanInBothWorkersWithJava17Flags();
    }

    @Test
    void parquetFromTheClusterHoldsTheGoldenMatrix() throws Exception {
        Path out = dir.resolve("cluster-parquet");
        JsonNode s = summary(submitToCluster("--kernel", "seed", "--input", Fixtures.input(M, N).toString(), "--output", out.toString(),
                "--block-size", "5"));
        assertThat(s.get("format").asText()).isEqualTo("parquet");
        assertThat(out.resolve("_SUCCESS")).exists();

        double[] golden = Fixtures.float64(Fixtures.output(M, N));
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT i, \"values\" FROM read_parquet('" + out.resolve("*.parquet")
                     + "') ORDER BY i")) {
            int i = 0;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(i);
                Object[] values = (Object[]) rs.getArray(2).getArray();
                assertThat(values).hasSize(M);
                for (int j = 0; j < M; j++) {
                    assertThat(Double.doubleToRawLongBits((Double) values[j]))
                            .as("(%d, %d)", i, j).isEqualTo(Double.doubleToRawLongBits(golden[i * M + j]));
                }
                i++;
            }
            assertThat(i).isEqualTo(M);
        }
    }

    /**
     * Each worker launched an executor JVM of its own (the worker writes the executor's command line
     * at the top of its stderr), and that command carries Spark's Java 17 --add-opens list, which
     * SparkContext added: the daemons' and the job's configuration do not set it.
     */
    static void assertExecutorsRanInBothWorkersWithJava17Flags() throws IOException {
        for (String worker : List.of("worker-1", "worker-2")) {
            List<String> commands = new ArrayList<>();
            try (Stream<Path> files = Files.walk(clusterDir.resolve(worker))) {
                for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                    commands.add(Files.readAllLines(p).get(0));
                }
            }
            assertThat(commands).as(worker + " executors").isNotEmpty().allSatisfy(cmd -> assertThat(cmd)
                    .startsWith("Spark Executor Command:")
                    .contains("org.apache.spark.executor.CoarseGrainedExecutorBackend")
                    .contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")
                    .contains("--add-opens=java.base/java.nio=ALL-UNNAMED")
                    .contains("--add-opens=java.base/java.util=ALL-UNNAMED")
                    .contains("--add-opens=java.base/java.lang.invoke=ALL-UNNAMED")
                    .contains("\"--hostname\" \"127.0.0.1\""));
        }
    }

    @Test
    void aFailedTaskIsRetriedOnTheClusterToTheSameBytes() throws Exception {
        // The test-only switch is read in the executor JVMs: attempt 0 of partitions 0 and 1 throws.
        List<String> args = new ArrayList<>(List.of("--master", master, "--conf", "spark.ui.enabled=false",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.executor.extraJavaOptions=-Dallpairs.test.failPartitions=0,1", "--",
                "--kernel", "seed", "--input", Fixtures.input(M, N).toString(), "--output", dir.resolve("retried2.npy").toString(),
                "--block-size", "5", "--partitions", "4"));
        Launcher retried = Launcher.run(clientEnv(), args.toArray(String[]::new));
        assertThat(retried.exitCode).as(retried.toString()).isZero();
        assertThat(retried.err).contains("injected failure in partition");
        assertThat(Files.readAllBytes(dir.resolve("retried2.npy"))).isEqualTo(Fixtures.bytes(Fixtures.output(M, N)));
    }

    /**
     * kill -9 of one executor JVM (a CoarseGrainedExecutorBackend child of this test's workers) in
     * the middle of a run of ~20 s with several partitions per executor: Spark reruns the lost
     * tasks (and the lost shuffle output), and the bytes equal a clean run's.
     */
    @Test
    void survivesTheLossOfAnExecutor() throws Exception {
        Path input = dir.resolve("loss.npy");
        Process gen = new ProcessBuilder("java", "-cp", Launcher.root().resolve("job/target/allpairs-job.jar").toString(),
                "allpairs.cli.Main", "generate", "--rows", "400", "--cols", "64", "--seed", "5", "--output",
                input.toString()).inheritIO().start();
        assertThat(gen.waitFor()).isZero();
        String[] job = {"--block-size", "20", "--partitions", "8", "--progress-interval", "0.5"};
        Path clean = dir.resolve("loss-clean.npy");
        List<String> local = new ArrayList<>(List.of("--master", "local[2]", "--", "--kernel", "seed", "--input", input.toString(),
                "--output", clean.toString()));
        local.addAll(List.of(job));
        assertThat(Launcher.run(Map.of(), local.toArray(String[]::new)).exitCode).isZero();

        Path out = dir.resolve("loss-cluster.npy");
        List<String> cmd = new ArrayList<>(List.of(Launcher.root().resolve("submit.sh").toString(), "--master", master,
                "--conf", "spark.ui.enabled=false", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.driver.bindAddress=127.0.0.1", "--", "--kernel", "seed", "--input", input.toString(),
                "--output", out.toString()));
        cmd.addAll(List.of(job));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(Launcher.root().toFile())
                .redirectOutput(dir.resolve("loss.out").toFile()).redirectError(dir.resolve("loss.err").toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().putAll(clientEnv());
        Process driver = pb.start();
        try {
            ProcessHandle victim = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (victim == null) {
                assertThat(driver.isAlive()).as("the job ended before an executor could be killed").isTrue();
                assertThat(System.nanoTime()).as("no executor appeared").isLessThan(deadline);
                victim = executorsOfOurWorkers().stream().findFirst().orElse(null);
                Thread.sleep(200);
            }
            // Wait until the first compute tasks have finished (a progress line shows tiles done), so the
            // victim holds finished shuffle output and running tasks when it dies.
            Path err = dir.resolve("loss.err");
            Pattern someDone = Pattern.compile("progress ([1-9]\\d*)/(\\d+) tiles");
            while (!someDone.matcher(Files.readString(err)).find()) {
                assertThat(driver.isAlive()).as("the job ended before an executor could be killed").isTrue();
                assertThat(System.nanoTime()).as("no progress").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(victim.isAlive()).isTrue();
            assertThat(victim.destroyForcibly()).as("SIGKILL sent to executor " + victim.pid()).isTrue();
            assertThat(driver.waitFor(150, TimeUnit.SECONDS)).as("the job finishes").isTrue();
            String log = Files.readString(dir.resolve("loss.err"));
            assertThat(driver.exitValue()).as(log).isZero();
            // Spark saw the executor and its running task go, and computed them again elsewhere
            assertThat(log).as("executor loss").contains("Lost executor").contains("ExecutorLostFailure");
            assertThat(Files.readAllBytes(out)).isEqualTo(Files.readAllBytes(clean));
        } finally {
            driver.destroyForcibly();
        }
    }

    /** Executor JVMs whose parent is one of this test's worker daemons. */
    static List<ProcessHandle> executorsOfOurWorkers() throws IOException {
        List<Long> workers = new ArrayList<>();
        for (String name : List.of("worker-1", "worker-2")) {
            workers.add(Long.parseLong(Files.readString(clusterDir.resolve(name + ".pid")).strip()));
        }
        return ProcessHandle.allProcesses()
                .filter(p -> p.parent().map(parent -> workers.contains(parent.pid())).orElse(false))
                .filter(p -> p.info().commandLine().orElse("").contains("CoarseGrainedExecutorBackend"))
                .toList();
    }
}
