package allpairs.spark;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Issue 27: a local master starts no web UI unless the user's (or the cluster's) configuration asks for one. */
class LocalMasterDefaultsTest {
    private static final String UI = "spark.ui.enabled";

    @Test
    void aLocalMasterHasNoUi() {
        for (String master : new String[] {"local", "local[2]", "local[*]", "local-cluster[2,1,1024]"}) {
            SparkConf conf = SparkSessions.forLocalMaster(new SparkConf(false).set("spark.master", master));
            assertThat(conf.getBoolean(UI, true)).as(master).isFalse();
        }
    }

    @Test
    void theUsersSettingWins() {
        SparkConf conf = SparkSessions.forLocalMaster(new SparkConf(false).set("spark.master", "local[2]").set(UI, "true"));
        assertThat(conf.getBoolean(UI, false)).isTrue();
    }

    @Test
    void otherMastersAreLeftAlone() {
        for (String master : new String[] {"spark://127.0.0.1:7077", "yarn", "k8s://https://k8s.example:6443"}) {
            SparkConf conf = SparkSessions.forLocalMaster(new SparkConf(false).set("spark.master", master));
            assertThat(conf.contains(UI)).as(master).isFalse();
        }
        assertThat(SparkSessions.forLocalMaster(new SparkConf(false)).contains(UI)).isFalse();
    }
}
