package io.github.dmstat.core.internal;

/** Stable primitive merge sort of indices {@code 0..n-1} (no boxing). */
public final class IndexOrder {
  private IndexOrder() {}

  /** Compares two indices. */
  @FunctionalInterface
  public interface IndexComparator {
    /**
     * Compares two indices.
     *
     * @param a first index
     * @param b second index
     * @return negative, zero or positive when {@code a} sorts before, equal to or after {@code b}
     */
    int compare(int a, int b);
  }

  /**
   * Indices {@code 0..n-1} sorted by {@code cmp} (stable).
   *
   * @param n number of indices, {@code >= 0}
   * @param cmp order of two indices
   * @return a new array of the indices {@code 0..n-1} in {@code cmp} order; indices that compare
   *     equal stay in ascending order
   */
  public static int[] sort(int n, IndexComparator cmp) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    int[] tmp = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n - width; lo += 2 * width) {
        int mid = lo + width;
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
          tmp[k++] = cmp.compare(a[j], a[i]) < 0 ? a[j++] : a[i++];
        }
        while (i < mid) {
          tmp[k++] = a[i++];
        }
        while (j < hi) {
          tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
      }
    }
    return a;
  }
}
