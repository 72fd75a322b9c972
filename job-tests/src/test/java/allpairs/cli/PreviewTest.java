package allpairs.cli;

import allpairs.support.SparkCliTest;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.io.PreviewPng;
import allpairs.support.Cli;
import allpairs.support.Fixtures;
import allpairs.support.TestSpark;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

/** --preview: a PNG within its size limits whose pixels follow the matrix (issue 21). */
class PreviewTest extends SparkCliTest {
    private static final int FAMILY = 30;

    /** Two families of strings: close within a family, far apart across (a block-diagonal matrix). */
    private Path twoFamilies() throws IOException {
        Random random = new Random(5);
        StringBuilder text = new StringBuilder();
        for (char base : new char[] {'A', 'C'}) {
            for (int r = 0; r < FAMILY; r++) {
                char[] s = String.valueOf(base).repeat(24).toCharArray();
                s[random.nextInt(s.length)] = "GT".charAt(random.nextInt(2)); // one change each
                text.append(s).append('\n');
            }
        }
        return Files.writeString(dir.resolve("families.txt"), text);
    }

    /** The PNG and where its heat map is, as the renderer recorded it. */
    private record Png(BufferedImage image, int x, int y, int w, int h) {
        /** Mean brightness (0-255) of the heat map's quadrant (qi, qj), its edges left out. */
        double quadrant(int qi, int qj) {
            long sum = 0;
            int n = 0;
            for (int py = y + qi * h / 2 + h / 10; py < y + (qi + 1) * h / 2 - h / 10; py++) {
                for (int px = x + qj * w / 2 + w / 10; px < x + (qj + 1) * w / 2 - w / 10; px++) {
                    int rgb = image.getRGB(px, py);
                    sum += ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                    n++;
                }
            }
            return (double) sum / n;
        }
    }

    private static Png read(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            NodeList entries = root.getElementsByTagName("tEXtEntry");
            for (int e = 0; e < entries.getLength(); e++) {
                IIOMetadataNode entry = (IIOMetadataNode) entries.item(e);
                if (PreviewPng.HEATMAP_KEY.equals(entry.getAttribute("keyword"))) {
                    String[] v = entry.getAttribute("value").split(" ");
                    return new Png(image, Integer.parseInt(v[0]), Integer.parseInt(v[1]), Integer.parseInt(v[2]),
                            Integer.parseInt(v[3]));
                }
            }
            throw new AssertionError("no " + PreviewPng.HEATMAP_KEY + " in " + file);
        }
    }

    private Png preview(String... extra) throws IOException {
        Path png = dir.resolve("picture.png");
        String[] base = {"--input", twoFamilies().toString(), "--output", dir.resolve("out.npy").toString(),
                "--kernel", "levenshtein", "--preview", png.toString()};
        String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(extra))
                .toArray(String[]::new);
        Cli r = Cli.run(TestSpark.conf(), args);
        assertThat(r.exitCode).as(r.toString()).isZero();
        Png p = read(png);
        assertThat(p.image().getWidth()).isLessThanOrEqualTo(PreviewPng.MAX_PNG);
        assertThat(p.image().getHeight()).isLessThanOrEqualTo(PreviewPng.MAX_PNG);
        assertThat(p.w()).as("square cells").isEqualTo(p.h()).isGreaterThanOrEqualTo(PreviewPng.MIN_SIDE);
        assertThat(p.x() + p.w()).isLessThanOrEqualTo(p.image().getWidth());
        assertThat(p.y() + p.h()).isLessThanOrEqualTo(p.image().getHeight());
        return p;
    }

    @Test
    void aBlockDiagonalMatrixGivesABlockDiagonalPicture() throws IOException {
        Png p = preview();
        double inside = Math.max(p.quadrant(0, 0), p.quadrant(1, 1));
        double across = Math.min(p.quadrant(0, 1), p.quadrant(1, 0));
        // Distances: small within a family (dark), large across (bright).
        assertThat(inside).isLessThan(across - 100);
    }

    @Test
    void edgeListsShowTheEdgeDensityPerBlock() throws IOException {
        Png p = preview("--top-k", "3");
        // Each row's 3 nearest are in its own family: edges (bright) on the diagonal blocks, none across.
        assertThat(Math.min(p.quadrant(0, 0), p.quadrant(1, 1))).isGreaterThan(0);
        assertThat(Math.max(p.quadrant(0, 1), p.quadrant(1, 0))).isZero();
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
