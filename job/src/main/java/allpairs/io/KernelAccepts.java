package allpairs.io;

import allpairs.UserError;
import allpairs.kernel.Kernel;
import allpairs.kernel.Kernels;

/**
 * What the kernel named on the command line takes beyond a rectangular 2-D matrix: rows of
 * different lengths (then NaN pads a float row's end), and several channels per step (then a 3-D
 * array is read as rows of n·d values). Kernels that need equal lengths keep refusing NaN.
 *
 * @param ragged the kernel takes rows of different lengths
 * @param channels the kernel declares a {@code channels} parameter
 */
record KernelAccepts(boolean ragged, boolean channels) {
    static final String CHANNELS = "channels";
    static final KernelAccepts STRICT = new KernelAccepts(false, false);

    static KernelAccepts of(String kernel) {
        Kernel<?> k;
        try {
            k = Kernels.byName(kernel);
        } catch (UserError e) {
            return STRICT; // a name the registry does not know (tests read files for a kernel given as an object)
        }
        boolean channels = k.params().stream().anyMatch(p -> p.name().equals(CHANNELS));
        return new KernelAccepts(!k.needsEqualLengths(), channels);
    }
}
