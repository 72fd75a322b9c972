package allpairs.bench;

import org.openjdk.jmh.annotations.Fork;

/** {@link AlignmentBench} with the SIMD lanes off ({@code -Dallpairs.simd=false}): the 32-bit scalar path. */
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dallpairs.simd=false"})
public class AlignmentScalarBench extends AlignmentBench {
}
