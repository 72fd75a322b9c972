package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A jar for one Spark line refuses the other in one line; the running build always matches itself. */
class SparkLineTest {
    @Test
    void matchingScalaLinesPass() {
        assertThat(SparkLine.mismatch("4.2.0", "2.13", "2.13.18")).isNull();
        assertThat(SparkLine.mismatch("3.5.7", "2.12", "2.12.18")).isNull();
    }

    @Test
    void theOtherLineIsNamedWithTheBuildThatFits() {
        assertThat(SparkLine.mismatch("4.2.0", "2.13", "2.12.18")).isEqualTo(
                "this jar is built for Spark 4.2.0 (Scala 2.13) but runs on Scala 2.12.18; "
                        + "build it for that Spark line (mvn package with -P spark-3.5)");
        assertThat(SparkLine.mismatch("3.5.7", "2.12", "2.13.18")).endsWith("(mvn package without -P spark-3.5)");
        assertThat(SparkLine.mismatch("4.2.0", "2.13", "2.130.1")).isNotNull(); // a prefix is not a match
    }

    @Test
    void unknownLinesAreNotChecked() {
        assertThat(SparkLine.mismatch(null, null, "2.12.18")).isNull();
        assertThat(SparkLine.mismatch("4.2.0", "2.13", null)).isNull();
    }

    @Test
    void thisBuildRunsOnItsOwnLine() {
        SparkLine.requireMatch(); // throws if the jar's recorded line were not the test classpath's Spark
    }
}
