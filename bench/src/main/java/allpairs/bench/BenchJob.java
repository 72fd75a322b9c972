package allpairs.bench;

import allpairs.cli.Main;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One allpairs run through the command line in this JVM at Spark local[2], as the end-to-end benches make it. */
final class BenchJob {
    private static final ObjectMapper JSON = new ObjectMapper();

    private BenchJob() {
    }

    /** Spark settings of a bench run: local[2], no UI, bound to 127.0.0.1, plus {@code extra}. */
    static Map<String, String> localConf(String appName, Map<String, String> extra) {
        Map<String, String> conf = new HashMap<>(extra);
        conf.putAll(Map.of("spark.master", "local[2]", "spark.app.name", appName, "spark.ui.enabled", "false",
                "spark.driver.host", "127.0.0.1", "spark.driver.bindAddress", "127.0.0.1"));
        return conf;
    }

    /** Runs the CLI; the summary line it printed last. A non-zero exit throws, naming {@code what}. */
    static String summaryLine(String what, List<String> args, Map<String, String> conf) {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        int code = Main.execute(args.toArray(new String[0]), new PrintStream(stdout, true, StandardCharsets.UTF_8),
                System.err, conf);
        String text = stdout.toString(StandardCharsets.UTF_8).trim();
        if (code != 0) {
            throw new IllegalStateException(what + " exited " + code + ": " + text);
        }
        return text.substring(text.lastIndexOf('\n') + 1);
    }

    /** {@link #summaryLine} parsed. */
    static JsonNode summary(String what, List<String> args, Map<String, String> conf) throws IOException {
        return JSON.readTree(summaryLine(what, args, conf));
    }
}
