package io.github.dmstat.core.replicate;

/**
 * R's default random numbers (Mersenne-Twister with R's seeding, inversion, rejection sampling
 * for indexes: R ≥ 3.6 {@code RNGkind()}), so that a bootstrap with a seed gives the replicate
 * weights R's {@code set.seed(seed); as.svrepdesign(..., type = "bootstrap")} gives. Matsumoto &amp;
 * Nishimura (1998); R's {@code RNG.c}.
 */
final class RRandom {
  private static final int N = 624;
  private final int[] mt = new int[N];
  private int mti;

  /** {@code set.seed(seed)}. */
  RRandom(long seed) {
    int s = (int) seed;
    for (int j = 0; j < 50; j++) {
      s = 69069 * s + 1;
    }
    int[] st = new int[N + 1];
    for (int j = 0; j <= N; j++) {
      s = 69069 * s + 1;
      st[j] = s;
    }
    System.arraycopy(st, 1, mt, 0, N);
    mti = N;
  }

  /** {@code unif_rand()}: a double in (0, 1). */
  double uniform() {
    if (mti >= N) {
      for (int kk = 0; kk < N; kk++) {
        int y = (mt[kk] & 0x80000000) | (mt[(kk + 1) % N] & 0x7fffffff);
        mt[kk] = mt[(kk + 397) % N] ^ (y >>> 1) ^ ((y & 1) != 0 ? 0x9908b0df : 0);
      }
      mti = 0;
    }
    int y = mt[mti++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    double u = Integer.toUnsignedLong(y) * 2.3283064365386963e-10;
    double fix = 0.5 / 4294967295.0;
    if (u <= 0) {
      return fix;
    }
    if (1 - u <= 0) {
      return 1 - fix;
    }
    return u;
  }

  /** {@code R_unif_index(n)}: an integer in {@code [0, n)} by rejection sampling on random bits. */
  int index(int n) {
    int bits = n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1); // ceil(log2 n)
    while (true) {
      long v = 0;
      for (int t = 0; t <= bits; t += 16) {
        v = 65536 * v + (long) Math.floor(uniform() * 65536);
      }
      v = bits >= 63 ? v : v & ((1L << bits) - 1);
      if (v < n) {
        return (int) v;
      }
    }
  }

  /** {@code sample.int(n, size, replace)}, 1-based values as R gives them. */
  int[] sample(int n, int size, boolean replace) {
    int[] out = new int[size];
    if (replace || size < 2) {
      for (int i = 0; i < size; i++) {
        out[i] = index(n) + 1;
      }
      return out;
    }
    int[] x = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
    }
    int m = n;
    for (int i = 0; i < size; i++) {
      int j = index(m);
      out[i] = x[j] + 1;
      x[j] = x[--m];
    }
    return out;
  }
}
