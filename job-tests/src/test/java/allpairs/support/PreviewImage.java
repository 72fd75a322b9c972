package allpairs.support;

import allpairs.io.PreviewPng;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.NodeList;

/**
 * A preview PNG read back: its pixels, its text entries, and where its heat map is (the renderer
 * records that in the text entry {@link PreviewPng#HEATMAP_KEY}), for tests that read the picture.
 */
public record PreviewImage(BufferedImage image, Map<String, String> text, int x, int y, int w, int h) {
    public static PreviewImage read(Path file) throws IOException {
        return read(Files.readAllBytes(file));
    }

    public static PreviewImage read(byte[] png) throws IOException {
        try (InputStream bytes = new ByteArrayInputStream(png);
             ImageInputStream in = ImageIO.createImageInputStream(bytes)) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            BufferedImage image = reader.read(0);
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            NodeList entries = root.getElementsByTagName("tEXtEntry");
            Map<String, String> text = new LinkedHashMap<>();
            for (int e = 0; e < entries.getLength(); e++) {
                IIOMetadataNode entry = (IIOMetadataNode) entries.item(e);
                text.put(entry.getAttribute("keyword"), entry.getAttribute("value"));
            }
            String heat = text.get(PreviewPng.HEATMAP_KEY);
            if (heat == null) {
                throw new AssertionError("no " + PreviewPng.HEATMAP_KEY + " in the PNG");
            }
            String[] v = heat.split(" ");
            return new PreviewImage(image, text, Integer.parseInt(v[0]), Integer.parseInt(v[1]),
                    Integer.parseInt(v[2]), Integer.parseInt(v[3]));
        }
    }

    /** Mean brightness (0-255) of the heat map's quadrant (qi, qj), its edges left out. */
    public double quadrant(int qi, int qj) {
        return part(qi, qj, 2);
    }

    /** Mean brightness (0-255) of part (pi, pj) of the heat map cut into parts × parts, a tenth of each edge left out. */
    public double part(int pi, int pj, int parts) {
        int ph = h / parts;
        int pw = w / parts;
        long sum = 0;
        int n = 0;
        for (int py = y + pi * ph + ph / 10; py < y + (pi + 1) * ph - ph / 10; py++) {
            for (int px = x + pj * pw + pw / 10; px < x + (pj + 1) * pw - pw / 10; px++) {
                int rgb = image.getRGB(px, py);
                sum += ((rgb >> 16 & 255) + (rgb >> 8 & 255) + (rgb & 255)) / 3;
                n++;
            }
        }
        return (double) sum / n;
    }
}
