package allpairs.support;

import allpairs.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.SparkConf;

/** Runs the command line in-process and captures what it prints. */
public final class Cli {
    public final int exitCode;
    public final String out;
    public final String err;

    private Cli(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Without a Spark master: only what happens before Spark starts can succeed. */
    public static Cli runWithoutSpark(String... args) {
        return run(new SparkConf(false), args);
    }

    public static Cli run(SparkConf conf, String... args) {
        return run(conf, null, args);
    }

    public static Cli run(SparkConf conf, java.io.File defaults, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        java.util.Map<String, String> spark = new java.util.HashMap<>();
        for (scala.Tuple2<String, String> kv : conf.getAll()) {
            spark.put(kv._1(), kv._2());
        }
        int code = Main.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), spark, defaults);
        return new Cli(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout: " + out + "\nstderr: " + err;
    }
}
