package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.PreviewPng;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.PreviewImage;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * --preview: a PNG within its size limits whose pixels follow the matrix (issue 21), readable
 * whatever the diagonal, in a clustered order on request, with a histogram of what was written (issue 28).
 */
class PreviewTest extends SparkCliTest {
    private static final int FAMILY = 30;

    /**
     * Two families of strings, close within a family and far apart across: row r is of family
     * {@code family(r)}; with {@code longFirst} row 0 is 200 symbols long (sw's self-score of it dwarfs the rest).
     */
    private Path families(boolean interleaved, boolean longFirst) throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (int r = 0; r < 2 * FAMILY; r++) {
            char base = family(r, interleaved) == 0 ? 'A' : 'C';
            char[] s = String.valueOf(base).repeat(r == 0 && longFirst ? 200 : 24).toCharArray();
            s[random.nextInt(24)] = "GT".charAt(random.nextInt(2)); // one change each
            text.append(s).append('\n');
        }
        return Files.writeString(dir.resolve("families.txt"), text);
    }

    private static int family(int row, boolean interleaved) {
        return interleaved ? row % 2 : row / FAMILY;
    }

    private Cli run(Path input, String kernel, String... extra) {
        String[] base = {"--input", input.toString(), "--output", dir.resolve("out.npy").toString(),
                "--kernel", kernel, "--preview", dir.resolve("picture.png").toString()};
        return run(Stream.concat(Stream.of(base), Stream.of(extra)).toArray(String[]::new));
    }

    private PreviewImage preview(Path input, String kernel, String... extra) throws IOException {
        Cli r = run(input, kernel, extra);
        assertThat(r.exitCode).as(r.toString()).isZero();
        PreviewImage p = PreviewImage.read(dir.resolve("picture.png"));
        assertThat(p.image().getWidth()).isLessThanOrEqualTo(PreviewPng.MAX_PNG);
        assertThat(p.image().getHeight()).isLessThanOrEqualTo(PreviewPng.MAX_PNG);
        assertThat(p.w()).as("square cells").isEqualTo(p.h()).isGreaterThanOrEqualTo(PreviewPng.MIN_SIDE);
        assertThat(p.x() + p.w()).isLessThanOrEqualTo(p.image().getWidth());
        assertThat(p.y() + p.h()).isLessThanOrEqualTo(p.image().getHeight());
        return p;
    }

    private PreviewImage preview(String... extra) throws IOException {
        return preview(families(false, false), "levenshtein", extra);
    }

    @Test
    void aBlockDiagonalMatrixGivesABlockDiagonalPicture() throws IOException {
        PreviewImage p = preview();
        double inside = Math.max(p.quadrant(0, 0), p.quadrant(1, 1));
        double across = Math.min(p.quadrant(0, 1), p.quadrant(1, 0));
        // Distances: small within a family (dark), large across (bright).
        assertThat(inside).isLessThan(across - 100);
    }

    @Test
    void aHugeSelfScoreDoesNotSetTheColourScale() throws IOException {
        // sw's self-score of the 200-symbol row is ~8 times any other value; the families must still show.
        PreviewImage p = preview(families(false, true), "sw");
        double inside = Math.min(p.quadrant(0, 0), p.quadrant(1, 1));
        double across = Math.max(p.quadrant(0, 1), p.quadrant(1, 0));
        // Scores: high within a family (bright), low across (dark).
        assertThat(inside).isGreaterThan(across + 150);
    }

    @Test
    void edgeListsShowTheEdgeDensityPerBlock() throws IOException {
        PreviewImage p = preview("--top-k", "3");
        // Each row's 3 nearest are in its own family: edges (bright) on the diagonal blocks, none across.
        assertThat(Math.min(p.quadrant(0, 0), p.quadrant(1, 1))).isGreaterThan(0);
        assertThat(Math.max(p.quadrant(0, 1), p.quadrant(1, 0))).isZero();
    }

    @ParameterizedTest
    @CsvSource({"square, 3600", "condensed, 1770", "top-k, 180"})
    void theHistogramCountsWhatWasWritten(String output, long expected) throws IOException {
        String[] extra = switch (output) {
            case "condensed" -> new String[] {"--layout", "condensed"};
            case "top-k" -> new String[] {"--top-k", "3"};
            default -> new String[0];
        };
        Path input = families(false, false);
        Cli r = run(input, "levenshtein", extra);
        assertThat(r.exitCode).as(r.toString()).isZero();
        JsonNode summary = JSON.readTree(r.out);
        long written = summary.has("edges") ? summary.get("edges").asLong()
                : (Files.size(dir.resolve("out.npy")) - 128) / 8; // float64 after a 128-byte header
        assertThat(written).isEqualTo(expected);
        String counted = PreviewImage.read(dir.resolve("picture.png")).text().get("allpairs.histogram");
        assertThat(counted).isEqualTo(Long.toString(written));
    }

    @Test
    void aClusteredOrderBringsInterleavedFamiliesTogether() throws IOException {
        PreviewImage p = preview(families(true, false), "levenshtein", "--preview-order", "clustered",
                "--preview-scale", "log");
        JsonNode order = JSON.readTree(dir.resolve("picture.order.json").toFile());
        assertThat(order.get("cell_size").asInt()).isEqualTo(1);
        List<Integer> families = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        order.get("blocks").forEach(b -> {
            rows.add(b.asInt());
            families.add(family(b.asInt(), true));
        });
        assertThat(rows).as("a permutation of the rows").hasSize(2 * FAMILY).doesNotHaveDuplicates();
        long changes = java.util.stream.IntStream.range(1, families.size())
                .filter(i -> !families.get(i).equals(families.get(i - 1))).count();
        assertThat(changes).as("each family contiguous: %s", families).isEqualTo(1);
        assertThat(p.text().get("allpairs.scale")).endsWith(" log");
        double inside = Math.max(p.quadrant(0, 0), p.quadrant(1, 1));
        double across = Math.min(p.quadrant(0, 1), p.quadrant(1, 0));
        assertThat(inside).isLessThan(across - 100);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--preview-scale|cubic|--preview-scale",
        "--preview-order|random|--preview-order",
        "--preview-order|clustered --no-preview|--preview-order",
        "--preview-order|clustered --against|--preview-order"})
    void badPreviewStylesAreRefusedBeforeAnyWork(String option, String value, String named) throws IOException {
        Path input = Fixtures.input(16, 8);
        List<String> args = new ArrayList<>(List.of("--input", input.toString(), "--output",
                dir.resolve("m.npy").toString(), "--kernel", "seed", option, value.split(" ")[0]));
        if (!value.contains("--no-preview")) {
            args.addAll(List.of("--preview", dir.resolve("p.png").toString()));
        }
        if (value.contains("--against")) {
            args.addAll(List.of("--against", input.toString()));
        }
        Cli r = Cli.runWithoutSpark(args.toArray(String[]::new));
        BadInputTest.assertUserError(r, named, named);
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void aPreviewPathUnderAFileIsRefusedBeforeAnyWork() throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
        Cli r = Cli.runWithoutSpark("--input", Fixtures.input(16, 8).toString(), "--output",
                dir.resolve("m.npy").toString(), "--kernel", "seed", "--preview", file.resolve("p.png").toString());
        BadInputTest.assertUserError(r, "--preview", file.toString());
        assertThat(dir.toFile().list()).containsExactly("not-a-dir");
    }
}
