package allpairs.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that run the command line on the shared local Spark session, in a temp dir. */
public abstract class SparkCliTest {
    protected static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    protected Path dir;

    @BeforeAll
    static void startSpark() {
        TestSpark.session();
    }

    /** The command line with the test session's settings. */
    protected static Cli run(String... args) {
        return Cli.run(TestSpark.conf(), args);
    }
}
