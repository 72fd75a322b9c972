# Writes the FASTQ and FASTA test inputs in this folder and what Biopython reads from them (run
# from this folder with /usr/bin/python3, Biopython >= 1.79; the outputs are committed, so the tests
# do not need Python). For each input NAME, NAME.expected.tsv holds one line per record as
# Biopython parses it: the id (SeqRecord.id: the title up to the first whitespace), a tab, the
# sequence. malformed.tsv lists inputs Biopython refuses (or reads, where allpairs deliberately
# refuses), with the record allpairs must name.
import gzip
import io
import random

from Bio import SeqIO
from Bio.Seq import Seq
from Bio.SeqRecord import SeqRecord

rnd = random.Random(15)


def random_seq(alphabet, lo, hi):
    return "".join(rnd.choice(alphabet) for _ in range(rnd.randint(lo, hi)))


def expected(name, fmt):
    opener = gzip.open if name.endswith(".gz") else open
    with opener(name, "rt", encoding="utf-8", newline="") as handle, \
            open(name + ".expected.tsv", "w", encoding="utf-8", newline="\n") as out:
        for rec in SeqIO.parse(handle, fmt):
            out.write(f"{rec.id}\t{rec.seq}\n")


# 1. FASTQ written by Biopython: reads of 1..120 symbols (lower case and N included), Phred
#    qualities 0..93 (every printable quality byte), descriptions, a non-ASCII UTF-8 id.
reads = []
for i in range(60):
    seq = random_seq("ACGTN" if i % 7 else "acgtn", 1, 120)
    rid = "lecture_\u00e9t\u00e9" if i == 5 else f"M00123:7:000000000-A1B2C:1:1101:{1000 + i}:{2000 + 3 * i}" \
        if i % 10 == 3 else f"read{i}"
    desc = "1:N:0:ACGT" if i % 10 == 3 else f"lane=1 len={len(seq)}"
    reads.append(SeqRecord(Seq(seq), id=rid, description=f"{rid} {desc}" if i % 3 else "",
                           letter_annotations={"phred_quality": [rnd.randint(0, 93) for _ in seq]}))
with open("reads.fq", "w", encoding="utf-8", newline="\n") as f:
    SeqIO.write(reads, f, "fastq")
with gzip.GzipFile("reads.fastq.gz", "wb", mtime=0) as gz, \
        io.TextIOWrapper(gz, encoding="utf-8", newline="\n") as f:
    SeqIO.write(reads[:20], f, "fastq")
expected("reads.fq", "fastq")
expected("reads.fastq.gz", "fastq")

# 2. FASTQ as files in the wild look: CRLF endings, the id repeated on the '+' line, trailing spaces
#    and tabs, blank lines between records, the title repeated on the '+' line, quality lines that start with '@' and '+'.
messy = []
for i in range(12):
    seq = random_seq("ACGT", 1, 40)
    qual = ("@+" if i % 4 == 0 else "") + "".join(chr(rnd.randint(33, 126)) for _ in range(len(seq)))
    qual = qual[:len(seq)]
    title = f"r{i} sample {i}"
    plus = "+" + title if i % 2 else "+"
    pad = [" ", "\t", " \t ", ""][i % 4]
    messy.append(f"@{title}{pad}\r\n{seq}{pad}\r\n{plus}{pad}\r\n{qual}{pad}\r\n" + ("\r\n" if i % 5 == 4 else ""))
with open("messy.fq", "w", encoding="utf-8", newline="") as f:
    f.write("".join(messy))
expected("messy.fq", "fastq")

# 3. FASTA written by Biopython (wrapped at 60) and one as edited by hand: CRLF, trailing
#    whitespace, spaces inside sequence lines (Biopython drops them), blank lines, lower case.
seqs = [SeqRecord(Seq(random_seq("ACDEFGHIKLMNPQRSTVWY", 1, 200)), id=f"prot{i}", description=f"protein {i}")
        for i in range(30)]
with open("proteins.fa", "w", encoding="utf-8", newline="\n") as f:
    SeqIO.write(seqs, f, "fasta")
expected("proteins.fa", "fasta")
with open("messy.fa", "w", encoding="utf-8", newline="") as f:
    for i in range(10):
        seq = random_seq("acgtACGT", 5, 90)
        body = "\r\n".join(seq[j:j + 10] + (" " if j % 20 else "\t") for j in range(0, len(seq), 10))
        spaced = body if i % 3 else " ".join(body[j:j + 5] for j in range(0, len(body), 5))
        f.write(f">s{i}  desc\t{i} \r\n{spaced}\r\n" + ("\r\n  \r\n" if i % 4 == 1 else ""))
expected("messy.fa", "fasta")

# 4. Malformed FASTQ: each refused by allpairs naming the record (1-based); the third column says
#    what Biopython does with the same bytes.
malformed = {
    "no_at.fq": ("@r1\nAC\n+\nII\nr2\nAC\n+\nII\n", 2),
    "no_plus.fq": ("@r1\nAC\n+\nII\n@r2\nAC\nII\n@r3\nAC\n+\nII\n", 2),
    "short_quality.fq": ("@r1\nACGT\n+\nIII\n", 1),
    "long_quality.fq": ("@r1\nAC\n+\nII\n@r2\nACG\n+\nIIII\n", 2),
    "truncated.fq": ("@r1\nAC\n+\nII\n@r2\nACGT\n+\n", 2),
    "truncated_after_header.fq": ("@r1\nAC\n+\nII\n@r2\n", 2),
    "other_id_on_plus.fq": ("@r1\nAC\n+\nII\n@r2 x\nAC\n+r3\nII\n", 2),
    "space_in_quality.fq": ("@r1\nACG\n+\nI I\n", 1),
    "space_in_sequence.fq": ("@r1\nAC\n+\nII\n@r2\nA C\n+\nIII\n", 2),
    "multi_line.fq": ("@r1\nACGT\nAC\n+\nIIII\nII\n", 1),
}
with open("malformed.tsv", "w", encoding="utf-8", newline="\n") as table:
    for name, (text, record) in malformed.items():
        with open(name, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        try:
            with open(name, encoding="utf-8", newline="") as f:
                n = sum(1 for _ in SeqIO.parse(f, "fastq"))
            verdict = f"biopython reads {n} records"
        except ValueError as e:
            verdict = f"biopython refuses: {e}"
        table.write(f"{name}\t{record}\t{verdict}\n")
