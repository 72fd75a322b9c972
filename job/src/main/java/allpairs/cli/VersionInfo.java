package allpairs.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: allpairs, Spark and Java versions, without starting Spark. */
public final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "allpairs " + property("/allpairs/version.properties"),
            "Spark " + property("/spark-version-info.properties") + " (Scala " + scalaVersion() + ")",
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }

    static String allpairsVersion() {
        return property("/allpairs/version.properties");
    }

    private static String property(String resource) {
        try (InputStream in = VersionInfo.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String scalaVersion() {
        try {
            return scala.util.Properties.versionNumberString();
        } catch (LinkageError e) {
            return "unknown";
        }
    }
}
