package allpairs.spark;

import java.io.Serializable;

/** What a tile sends to its row band: dense values ({@link BandPiece}) or edges ({@link EdgePiece}). */
interface Piece extends Serializable {
}
