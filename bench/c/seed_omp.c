/*
 * The seed kernel as the original Cython/OpenMP answer runs it, in plain C: one n x n scratch per
 * thread, every pair (i, j) with i <= j (the kernel is symmetric; the lower triangle is mirrored),
 * rows split across threads by OpenMP. Exactly the loops of docs/seed-kernel.md.
 *
 * usage: seed_omp INPUT.npy OUTPUT.f64 THREADS
 *   INPUT.npy  an m x n int8 .npy (C order), as `allpairs generate` writes it
 *   OUTPUT.f64 the m x m float64 result, raw little-endian (compared with the job's .npy payload)
 * Prints one JSON line: m, n, threads, seconds (compute only, not reading or writing).
 */
#include <omp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double pair(const signed char *x, const signed char *y, unsigned n, double *tmp) {
    for (unsigned a = 0; a < n; a++) {
        for (unsigned b = 0; b < n; b++) {
            tmp[a * n + b] = 0.0;
            for (unsigned k = 0; k < n; k++) {
                unsigned term = (unsigned) (x[k] + y[k]) * (a - b);
                tmp[a * n + b] += (double) term;
            }
        }
    }
    double result = 0.0;
    for (unsigned c = 0; c < n * n; c++) {
        result += tmp[c];
    }
    return result;
}

/* The shape of a 2-D .npy header: "'shape': (m, n)"; returns the data offset or -1. */
static long npy_shape(FILE *f, long *m, long *n) {
    unsigned char pre[10];
    if (fread(pre, 1, 10, f) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0 || pre[6] != 1) {
        return -1;
    }
    long hlen = pre[8] | (pre[9] << 8);
    char *h = calloc(hlen + 1, 1);
    if (fread(h, 1, hlen, f) != (size_t) hlen) {
        return -1;
    }
    char *s = strstr(h, "'shape': (");
    int ok = s != NULL && sscanf(s + 10, "%ld, %ld", m, n) == 2 && strstr(h, "'|i1'") != NULL;
    free(h);
    return ok ? 10 + hlen : -1;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: seed_omp INPUT.npy OUTPUT.f64 THREADS\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    long m, n;
    if (f == NULL || npy_shape(f, &m, &n) < 0) {
        fprintf(stderr, "seed_omp: %s is not a 2-D int8 .npy\n", argv[1]);
        return 2;
    }
    signed char *rows = malloc(m * n);
    if (fread(rows, 1, m * n, f) != (size_t) (m * n)) {
        fprintf(stderr, "seed_omp: %s is short\n", argv[1]);
        return 2;
    }
    fclose(f);
    int threads = atoi(argv[3]);
    double *out = malloc(sizeof(double) * m * m);
    double start = omp_get_wtime();
#pragma omp parallel num_threads(threads)
    {
        double *tmp = malloc(sizeof(double) * n * n); /* one scratch per thread */
#pragma omp for schedule(dynamic, 1)
        for (long i = 0; i < m; i++) {
            for (long j = i; j < m; j++) {
                double v = pair(rows + i * n, rows + j * n, (unsigned) n, tmp);
                out[i * m + j] = v;
                out[j * m + i] = v;
            }
        }
        free(tmp);
    }
    double seconds = omp_get_wtime() - start;
    FILE *o = fopen(argv[2], "wb");
    fwrite(out, sizeof(double), m * m, o);
    fclose(o);
    printf("{\"run\":\"C/OpenMP seed\",\"m\":%ld,\"n\":%ld,\"threads\":%d,\"seconds\":%.3f}\n", m, n, threads,
           seconds);
    return 0;
}
