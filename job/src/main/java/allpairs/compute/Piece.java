package allpairs.compute;

import java.io.Serializable;

/** What a tile sends to its row band: dense values ({@link BandPiece}) or edges ({@link EdgePiece}). */
public sealed interface Piece extends Serializable permits BandPiece, EdgePiece {
}
