package allpairs.io;

import static allpairs.io.InputsTest.sequences;
import static org.assertj.core.api.Assertions.assertThat;

import allpairs.cli.BadInputTest;
import allpairs.kernel.ElementType;
import allpairs.kernel.Rows;
import allpairs.support.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 25 item 1: gzip input of several members (as {@code cat a.gz b.gz}, and BGZF, the blocked gzip
 * of sequencers and samtools) is read to its last member, and a damaged or truncated member is refused
 * with exit 2 naming the file, as {@code gzip -t} and Python refuse it; JDK's GZIPInputStream took a
 * bad member header for trailing garbage and stopped there (exit 0 with a third of the rows).
 */
class GzipMembersTest {
    private static final int MEMBERS = 3;
    private static final int ROWS_PER_MEMBER = 100;

    @TempDir
    Path dir;

    private final List<String> failures = new ArrayList<>();

    /** Member k's text: its rows are r{k}_{i}, so the reference knows every row's sequence. */
    private static String text(int k) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ROWS_PER_MEMBER; i++) {
            s.append("AC").append("GT".repeat(1 + (k * ROWS_PER_MEMBER + i) % 7)).append('\n');
        }
        return s.toString();
    }

    private static String fastq(int k) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < ROWS_PER_MEMBER; i++) {
            String seq = "AC" + "GT".repeat(1 + (k * ROWS_PER_MEMBER + i) % 7);
            s.append("@r").append(k).append('_').append(i).append('\n').append(seq).append("\n+\n")
                    .append("I".repeat(seq.length())).append('\n');
        }
        return s.toString();
    }

    private static byte[] gzipMember(String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(content.getBytes(StandardCharsets.US_ASCII));
        }
        return bytes.toByteArray();
    }

    /** One BGZF block (SAM/BAM specification 4.1): a gzip member with the extra subfield BC holding its size - 1. */
    static byte[] bgzfBlock(byte[] data) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(data);
        deflater.finish();
        byte[] cdata = new byte[data.length + 1024];
        int clen = deflater.deflate(cdata);
        deflater.end();
        CRC32 crc = new CRC32();
        crc.update(data);
        ByteBuffer b = ByteBuffer.allocate(18 + clen + 8).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x1f, (byte) 0x8b, 8, 4, 0, 0, 0, 0, 0, (byte) 0xff, 6, 0, 'B', 'C', 2, 0});
        b.putShort((short) (18 + clen + 8 - 1));
        b.put(cdata, 0, clen).putInt((int) crc.getValue()).putInt(data.length);
        return b.array();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        parts.forEach(all::writeBytes);
        return all.toByteArray();
    }

    private static List<byte[]> gzipMembers() throws IOException {
        List<byte[]> members = new ArrayList<>();
        for (int k = 0; k < MEMBERS; k++) {
            members.add(gzipMember(text(k)));
        }
        return members;
    }

    /** BGZF FASTQ: each member's records in a block of its own, then the empty end-of-file block. */
    private static List<byte[]> bgzfBlocks() {
        List<byte[]> blocks = new ArrayList<>();
        for (int k = 0; k < MEMBERS; k++) {
            blocks.add(bgzfBlock(fastq(k).getBytes(StandardCharsets.US_ASCII)));
        }
        blocks.add(bgzfBlock(new byte[0]));
        return blocks;
    }

    private static List<String> expectedSequences() {
        List<String> all = new ArrayList<>();
        for (int k = 0; k < MEMBERS; k++) {
            all.addAll(Arrays.asList(text(k).split("\n")));
        }
        return all;
    }

    private Rows read(String name, byte[] content) throws IOException {
        Path p = Files.write(dir.resolve(name), content);
        return RowsInput.read(p.toString(), null, ElementType.SYMBOL, "k", "--input", new Configuration());
    }

    @Test
    void everyMemberOfAMultiMemberOrBgzfFileIsRead() throws IOException {
        assertThat(sequences(read("a.txt.gz", concat(gzipMembers())))).containsExactlyElementsOf(expectedSequences());
        Rows bgzf = read("b.fq.gz", concat(bgzfBlocks()));
        assertThat(sequences(bgzf)).containsExactlyElementsOf(expectedSequences());
        assertThat(bgzf.ids()).hasSize(MEMBERS * ROWS_PER_MEMBER).startsWith("r0_0").endsWith("r2_99");
    }

    /** Each damage of the second member: exit 2, one line naming the file, nothing written. */
    @Test
    void aDamagedOrTruncatedMemberIsRefused() throws IOException {
                for (boolean bgzf : new boolean[] {false, true}) {
            List<byte[]> members = bgzf ? bgzfBlocks() : gzipMembers();
            byte[] second = members.get(1);
            byte[] whole = concat(members);
            int start = members.get(0).length;
            int end = start + second.length;
            String name = bgzf ? "in.fq.gz" : "in.txt.gz";
            assertRefused(name, flip(whole, start, 0xff), "first byte of member 2 flipped");
            assertRefused(name, flip(whole, start + 1, 0x01), "second magic byte of member 2 flipped");
            assertRefused(name, Arrays.copyOf(whole, start + second.length / 2), "truncated inside member 2");
            assertRefused(name, Arrays.copyOf(whole, start + 5), "truncated inside member 2's header");
            assertRefused(name, Arrays.copyOf(whole, end - 3), "truncated inside member 2's trailer");
            assertRefused(name, flip(whole, end - 8, 0x01), "CRC32 of member 2 wrong");
            assertRefused(name, flip(whole, end - 4, 0x01), "ISIZE of member 2 wrong");
            assertRefused(name, concat(List.of(whole, new byte[] {0x1f})), "a stray byte after the last member");
            assertRefused(name, concat(List.of(whole, new byte[16])), "zero padding after the last member");
        }
        assertThat(failures).as("damages not refused").isEmpty();
    }

    private static byte[] flip(byte[] b, int at, int mask) {
        byte[] c = b.clone();
        c[at] ^= (byte) mask;
        return c;
    }

    private void assertRefused(String name, byte[] content, String damage) throws IOException {
        Path input = Files.write(dir.resolve(name), content);
        Cli r = Cli.runWithoutSpark("--kernel", "levenshtein", "--input", input.toString(), "--output",
                dir.resolve("out.npy").toString());
        try {
            BadInputTest.assertUserError(r, "gzip", input.toString());
            assertThat(dir.toFile().list()).containsExactly(name);
        } catch (AssertionError e) {
            failures.add(name + ", " + damage + ": " + r.err.strip());
        }
        Files.delete(input);
    }
}
