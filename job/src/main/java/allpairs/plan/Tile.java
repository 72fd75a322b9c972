package allpairs.plan;

import java.io.Serializable;

/**
 * A pair of row blocks (I, J): rows [rowStart, rowEnd) against rows [colStart, colEnd).
 * On a diagonal tile of a symmetric kernel only i <= j is computed.
 * A plain class, not a record: Spark's Kryo cannot set the final fields of a record.
 */
public final class Tile implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int bandI;
    private final int bandJ;
    private final int rowStart;
    private final int rowEnd;
    private final int colStart;
    private final int colEnd;

    public Tile(int bandI, int bandJ, int rowStart, int rowEnd, int colStart, int colEnd) {
        this.bandI = bandI;
        this.bandJ = bandJ;
        this.rowStart = rowStart;
        this.rowEnd = rowEnd;
        this.colStart = colStart;
        this.colEnd = colEnd;
    }

    public int bandI() {
        return bandI;
    }

    public int bandJ() {
        return bandJ;
    }

    public int rowStart() {
        return rowStart;
    }

    public int rowEnd() {
        return rowEnd;
    }

    public int colStart() {
        return colStart;
    }

    public int colEnd() {
        return colEnd;
    }

    public int height() {
        return rowEnd - rowStart;
    }

    public int width() {
        return colEnd - colStart;
    }

    public boolean diagonal() {
        return bandI == bandJ;
    }

    /** Kernel evaluations this tile costs: the upper triangle with diagonal on a symmetric diagonal tile. */
    public long pairs(boolean symmetric) {
        long h = height();
        return symmetric && diagonal() ? h * (h + 1) / 2 : h * width();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tile t && t.bandI == bandI && t.bandJ == bandJ && t.rowStart == rowStart
                && t.rowEnd == rowEnd && t.colStart == colStart && t.colEnd == colEnd;
    }

    @Override
    public int hashCode() {
        return ((bandI * 31 + bandJ) * 31 + rowStart) * 31 + colStart;
    }

    @Override
    public String toString() {
        return "Tile(" + bandI + "," + bandJ + " rows " + rowStart + ".." + rowEnd + " cols " + colStart + ".." + colEnd + ")";
    }
}
