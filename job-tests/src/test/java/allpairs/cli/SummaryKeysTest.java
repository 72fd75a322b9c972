package allpairs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary is one schema, and docs/summary.md's table documents exactly its keys. */
class SummaryKeysTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z_]+)` \\|", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void everyKeyIsDocumentedAndEveryDocumentedKeyOccurs() throws IOException {
        String in = Fixtures.input(16, 8).toString();
        Path ck = dir.resolve("ck");
        JsonNode dense = run("--kernel", "seed", "--input", in, "--output", dir.resolve("d.npy").toString(),
                "--checkpoint", ck.toString());
        JsonNode edges = run("--kernel", "seed", "--input", in, "--output", dir.resolve("e").toString(),
                "--top-k", "99");
        JsonNode resumed = run("--kernel", "seed", "--input", in, "--output", dir.resolve("r").toString(),
                "--checkpoint", ck.toString());
        Path reads = Files.writeString(dir.resolve("reads.fa"), ">a\nACGTAC\n>b\nACGTAA\n>c\nTTTTTT\n");
        JsonNode joined = run("--kernel", "levenshtein", "--input", reads.toString(), "--output",
                dir.resolve("j").toString(), "--keep", "below=1");
        JsonNode pruned = run("--kernel", "dtw", "--input", in, "--output", dir.resolve("p").toString(), "--keep",
                "below=20");
        Set<String> always = keys(dense);
        for (JsonNode s : new JsonNode[] {edges, resumed, joined, pruned}) {
            assertThat(keys(s)).as("keys present in every summary").containsAll(always);
        }
        Set<String> seen = new TreeSet<>(always);
        seen.addAll(keys(edges));
        seen.addAll(keys(resumed));
        seen.addAll(keys(joined));
        seen.addAll(keys(pruned));
        assertThat(seen).isEqualTo(documented());

        assertThat(edges.get("layout").asText()).isEqualTo("edges");
        assertThat(edges.get("format").asText()).isEqualTo("parquet");
        assertThat(edges.get("edges").asLong()).isEqualTo(16L * 15); // every row's 15 other rows
        assertThat(edges.get("top_k").asInt()).isEqualTo(16);
        assertThat(edges.get("top_k_clamped_from").asInt()).isEqualTo(99);
        assertThat(dense.has("edges")).isFalse();
        assertThat(joined.get("path").asText()).isEqualTo("join");
        assertThat(joined.get("edges").asLong()).isEqualTo(1); // a–b
        assertThat(joined.get("pairs_full").asLong()).isEqualTo(6);
        assertThat(dense.has("path")).isFalse();
        assertThat(dense.has("pruned_lb_kim")).isFalse();
        assertThat(pruned.get("pruned_lb_kim").asLong() + pruned.get("pruned_lb_keogh").asLong()
                + pruned.get("pruned_early_abandon").asLong()).as("dtw pairs ruled out under below=20").isPositive();
        assertThat(resumed.get("tiles_reused").asInt()).isEqualTo(resumed.get("tiles").asInt());
        assertThat(resumed.get("tiles_computed").asInt()).isZero();
        assertThat(resumed.get("partitions").asInt()).as("documented: 0 when every tile was reused").isZero();
    }

    private JsonNode run(String... args) throws IOException {
        Cli r = Cli.run(TestSpark.conf(), args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        return JSON.readTree(r.out);
    }

    private static Set<String> keys(JsonNode s) {
        Set<String> keys = new TreeSet<>();
        s.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static Set<String> documented() throws IOException {
        String page = Files.readString(Path.of(System.getProperty("allpairs.root"), "docs", "summary.md"));
        String table = page.substring(page.indexOf("| key |"), page.indexOf("Times are rounded"));
        Set<String> keys = new TreeSet<>();
        Matcher m = ROW.matcher(table);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }
}
