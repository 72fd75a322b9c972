package allpairs.io;

import static org.assertj.core.api.Assertions.assertThat;

import allpairs.support.MiniHdfs;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class MiniHdfsSmokeTest {
    @Test
    void startsOnLoopback() throws Exception {
        try (FileSystem fs = MiniHdfs.fileSystem()) {
            assertThat(fs.getUri().getHost()).isIn("127.0.0.1", "localhost");
            try (OutputStream os = fs.create(new Path("/smoke/a"), false)) {
                os.write(1);
            }
            assertThat(fs.exists(new Path("/smoke/a"))).isTrue();
        }
    }
}
