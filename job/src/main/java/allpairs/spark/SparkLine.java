package allpairs.spark;

import allpairs.UserError;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The Spark line this jar is built for against the one it runs on. A jar built for Spark 4
 * (Scala 2.13) on Spark 3.5 (Scala 2.12), or the other way round, would otherwise fail somewhere
 * deep in Spark with a linkage error; this says so in one line before anything starts.
 */
public final class SparkLine {
    private SparkLine() {
    }

    /** Throws a UserError when the jar's Scala line is not the running one (nothing to check when either is unknown). */
    public static void requireMatch() {
        Properties built = builtFor();
        String error = mismatch(built.getProperty("spark"), built.getProperty("scala"), runningScala());
        if (error != null) {
            throw new UserError(error, "the Spark installation (SPARK_HOME)");
        }
    }

    /** The problem in one phrase, or null when the lines match or one of them is unknown. */
    static String mismatch(String builtSpark, String builtScala, String runningScala) {
        if (builtScala == null || runningScala == null || builtScala.startsWith("$")
                || runningScala.equals(builtScala) || runningScala.startsWith(builtScala + ".")) {
            return null;
        }
        String profile = builtScala.equals("2.12") ? "without -P spark-3.5" : "with -P spark-3.5";
        return "this jar is built for Spark " + builtSpark + " (Scala " + builtScala + ") but runs on Scala "
                + runningScala + "; build it for that Spark line (mvn package " + profile + ")";
    }

    private static Properties builtFor() {
        Properties p = new Properties();
        try (InputStream in = SparkLine.class.getResourceAsStream("/allpairs/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // unknown: nothing to check
        }
        return p;
    }

    private static String runningScala() {
        try {
            return scala.util.Properties.versionNumberString();
        } catch (LinkageError e) {
            return null;
        }
    }
}
