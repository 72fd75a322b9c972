package allpairs.join;

import java.io.Serializable;

/** A group filed under a key (whose bucket it shares): as the indexed row of its pairs, or probing at {@code pos}. */
public final class JoinEntry implements Serializable {
    private static final long serialVersionUID = 1L;
    final RowGroup group;
    final boolean probe;
    final int pos;

    JoinEntry(RowGroup group, boolean probe, int pos) {
        this.group = group;
        this.probe = probe;
        this.pos = pos;
    }
}
