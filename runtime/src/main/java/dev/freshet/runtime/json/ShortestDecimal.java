package dev.freshet.runtime.json;

import java.math.BigInteger;

/**
 * Writes a finite double as the shortest decimal that reads back as the same double, laid out as
 * {@code Double.toString} lays it out on Java 19 and later, which is also what Jackson writes: the
 * JSON of a feature value stays the same, but writing it allocates nothing.
 *
 * <p>Why not Jackson's writer: a 100-entity response holds 5,000 doubles, and Jackson builds a
 * formatter object and a String for each, 44% of the bytes the serving path allocated
 * (docs/BENCHMARKS.md). The digits are found with Giulietti's Schubfach algorithm ("The Schubfach
 * way to render doubles", 2020): the double's rounding interval is scaled by a power of ten, kept
 * as a 126-bit approximation rounded so that every comparison stays exact, and the shortest decimal
 * in the interval, or the closer of two, is picked. (One algorithm, one file, hence its length.)
 */
final class ShortestDecimal {
  /** The longest text written: sign, 17 digits, point, "E-324". */
  static final int MAX_CHARS = 26;

  private static final int SIGNIFICAND_BITS = 52;

  /** Exponent of the smallest subnormal: its value is 2^MIN_EXPONENT. */
  private static final int MIN_EXPONENT = -1074;

  private static final long HIDDEN_BIT = 1L << SIGNIFICAND_BITS;

  /**
   * Subnormal significands below this are too short for the scaled interval to decide on the
   * digits; they are scaled by ten first.
   */
  private static final long TINY_SIGNIFICAND = 3;

  /** Powers of ten that scale every double: k in [MIN_K, MAX_K] (k = floor(log10(2^q)) over q). */
  private static final int MIN_K = floorLog10Pow2(MIN_EXPONENT);

  private static final int MAX_K = floorLog10Pow2(971);

  /**
   * 10^-k as g * 2^r with g a 126-bit integer, rounded up: g = floor(10^-k / 2^r) + 1, split in two
   * 63-bit halves; r = floor(log2(10^-k)) - 125.
   */
  private static final long[] G_HIGH = new long[MAX_K - MIN_K + 1];

  private static final long[] G_LOW = new long[MAX_K - MIN_K + 1];

  static {
    BigInteger low63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
    for (int k = MIN_K; k <= MAX_K; k++) {
      BigInteger g;
      if (k <= 0) {
        BigInteger power = BigInteger.TEN.pow(-k);
        int r = power.bitLength() - 1 - 125;
        g = (r >= 0 ? power.shiftRight(r) : power.shiftLeft(-r)).add(BigInteger.ONE);
      } else {
        BigInteger power = BigInteger.TEN.pow(k);
        g = BigInteger.ONE.shiftLeft(power.bitLength() + 125).divide(power).add(BigInteger.ONE);
      }
      G_HIGH[k - MIN_K] = g.shiftRight(63).longValueExact();
      G_LOW[k - MIN_K] = g.and(low63).longValueExact();
    }
  }

  private ShortestDecimal() {}

  /**
   * Writes {@code value} into {@code into} from index 0.
   *
   * @param into at least {@link #MAX_CHARS} long
   * @return the number of chars written
   * @throws IllegalArgumentException for NaN and infinities, which have no decimal
   */
  static int write(double value, char[] into) {
    long bits = Double.doubleToRawLongBits(value);
    long fraction = bits & (HIDDEN_BIT - 1);
    int biasedExponent = (int) (bits >>> SIGNIFICAND_BITS) & 0x7ff;
    if (biasedExponent == 0x7ff) {
      throw new IllegalArgumentException(value + " has no decimal form");
    }
    int at = 0;
    if (bits < 0) {
      into[at++] = '-';
    }
    if (biasedExponent != 0) {
      int exponent = biasedExponent + MIN_EXPONENT - 1;
      long significand = HIDDEN_BIT | fraction;
      // Whole numbers below 2^53 are their own shortest decimal.
      if (exponent < 0 && exponent > -SIGNIFICAND_BITS - 1) {
        long whole = significand >> -exponent;
        if (whole << -exponent == significand) {
          return layOut(whole, 0, into, at);
        }
      }
      return shortest(exponent, significand, 0, into, at);
    }
    if (fraction == 0) {
      return layOut(0, 0, into, at);
    }
    return fraction < TINY_SIGNIFICAND
        ? shortest(MIN_EXPONENT, 10 * fraction, -1, into, at)
        : shortest(MIN_EXPONENT, fraction, 0, into, at);
  }

  /**
   * Writes the shortest decimal in the rounding interval of {@code significand * 2^exponent *
   * 10^scaledBy} (a tiny significand comes scaled by ten, and -1), choosing the closer one, or the
   * even one, when two are as short.
   */
  private static int shortest(int exponent, long significand, int scaledBy, char[] into, int at) {
    // The interval's ends are at significand +- 1/2; below a power of two the lower half is
    // narrower (1/4), being in the finer binade. With an even significand they round to it.
    int odd = (int) significand & 1;
    long middle = significand << 2;
    long upper = middle + 2;
    long lower;
    int k;
    if (significand != HIDDEN_BIT || exponent == MIN_EXPONENT) {
      lower = middle - 2;
      k = floorLog10Pow2(exponent);
    } else {
      lower = middle - 1;
      k = floorLog10ThreeQuartersPow2(exponent);
    }
    int shift = exponent + floorLog2Pow10(-k) + 2;
    long gHigh = G_HIGH[k - MIN_K];
    long gLow = G_LOW[k - MIN_K];
    // The value and the interval's ends times 4 * 10^-k, rounded to odd.
    long scaled = roundToOdd(gHigh, gLow, middle << shift);
    long scaledLower = roundToOdd(gHigh, gLow, lower << shift);
    long scaledUpper = roundToOdd(gHigh, gLow, upper << shift);

    long down = scaled >> 2;
    if (down >= 100) {
      // One digit fewer, if exactly one of the two neighbours is in the interval.
      long downTen = 10 * (down / 10);
      long upTen = downTen + 10;
      boolean downTenIn = scaledLower + odd <= downTen << 2;
      boolean upTenIn = (upTen << 2) + odd <= scaledUpper;
      if (downTenIn != upTenIn) {
        return layOut(downTenIn ? downTen : upTen, k, into, at);
      }
    }
    long up = down + 1;
    boolean downIn = scaledLower + odd <= down << 2;
    boolean upIn = (up << 2) + odd <= scaledUpper;
    if (downIn != upIn) {
      return layOut(downIn ? down : up, k + scaledBy, into, at);
    }
    // Both are in: the closer to the value, the even one on a tie.
    long fromMiddle = scaled - ((down + up) << 1);
    boolean pickDown = fromMiddle < 0 || fromMiddle == 0 && (down & 1) == 0;
    return layOut(pickDown ? down : up, k + scaledBy, into, at);
  }

  /**
   * floor(g * scaled / 2^127), with its lowest bit set when the division is inexact, where g =
   * gHigh * 2^63 + gLow: rounding to odd keeps comparisons with multiples of 4 exact.
   */
  private static long roundToOdd(long gHigh, long gLow, long scaled) {
    long lowHigh = Math.multiplyHigh(gLow, scaled);
    long highLow = gHigh * scaled;
    long highHigh = Math.multiplyHigh(gHigh, scaled);
    long middle = (highLow >>> 1) + lowHigh;
    long result = highHigh + (middle >>> 63);
    long inexact = ((middle & Long.MAX_VALUE) + Long.MAX_VALUE) >>> 63;
    return result | inexact;
  }

  /**
   * Writes {@code digits * 10^exponent} as {@code Double.toString} does: plainly from 10^-3 up to
   * 10^7 ("0.001", "123.0", "1234567.0"), in computerized scientific notation outside ("1.0E7",
   * "4.9E-324"), always with a digit after the point.
   */
  private static int layOut(long digits, int exponent, char[] into, int at) {
    if (digits == 0) {
      into[at++] = '0';
      into[at++] = '.';
      into[at++] = '0';
      return at;
    }
    while (digits % 10 == 0) {
      digits /= 10;
      exponent++;
    }
    int count = floorLog10Pow2(Long.SIZE - Long.numberOfLeadingZeros(digits));
    if (digits >= POWERS_OF_TEN[count]) {
      count++;
    }
    int scientific = exponent + count - 1;
    if (scientific >= 0 && scientific < 7) {
      int whole = scientific + 1;
      if (count <= whole) {
        at = writeDigits(digits, count, into, at, count);
        for (int i = count; i < whole; i++) {
          into[at++] = '0';
        }
        into[at++] = '.';
        into[at++] = '0';
        return at;
      }
      return writeDigits(digits, count, into, at, whole);
    }
    if (scientific < 0 && scientific >= -3) {
      into[at++] = '0';
      into[at++] = '.';
      for (int i = -1; i > scientific; i--) {
        into[at++] = '0';
      }
      return writeDigits(digits, count, into, at, count);
    }
    at = writeDigits(digits, count, into, at, 1);
    if (count == 1) {
      into[at++] = '.';
      into[at++] = '0';
    }
    into[at++] = 'E';
    if (scientific < 0) {
      into[at++] = '-';
      scientific = -scientific;
    }
    if (scientific >= 100) {
      into[at++] = (char) ('0' + scientific / 100);
    }
    if (scientific >= 10) {
      into[at++] = (char) ('0' + scientific / 10 % 10);
    }
    into[at++] = (char) ('0' + scientific % 10);
    return at;
  }

  private static final long[] POWERS_OF_TEN = new long[19];

  /** The two digits of 0 to 99, as chars. */
  private static final char[] TENS = new char[100];

  private static final char[] ONES = new char[100];

  static {
    POWERS_OF_TEN[0] = 1;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = 10 * POWERS_OF_TEN[i - 1];
    }
    for (int i = 0; i < 100; i++) {
      TENS[i] = (char) ('0' + i / 10);
      ONES[i] = (char) ('0' + i % 10);
    }
  }

  /**
   * Writes the {@code count} digits of {@code digits} from {@code at}, with a point after the first
   * {@code pointAfter} of them if that is fewer than all; returns the index after the last. Two
   * digits at a time, from 8-digit ints: a long's division is the slow part of formatting.
   */
  private static int writeDigits(long digits, int count, char[] into, int at, int pointAfter) {
    int position = at + count;
    long rest = digits;
    while (rest >= 100_000_000) {
      long higher = rest / 100_000_000;
      int chunk = (int) (rest - higher * 100_000_000);
      rest = higher;
      for (int pair = 0; pair < 4; pair++) {
        position = writePair(chunk % 100, into, position);
        chunk /= 100;
      }
    }
    int small = (int) rest;
    while (small >= 100) {
      position = writePair(small % 100, into, position);
      small /= 100;
    }
    if (small >= 10) {
      into[--position] = ONES[small];
      into[--position] = TENS[small];
    } else {
      into[--position] = (char) ('0' + small);
    }
    if (pointAfter >= count) {
      return at + count;
    }
    System.arraycopy(into, at + pointAfter, into, at + pointAfter + 1, count - pointAfter);
    into[at + pointAfter] = '.';
    return at + count + 1;
  }

  /**
   * Writes the two digits of {@code pair} (0 to 99) just before {@code position}; returns their
   * start.
   */
  private static int writePair(int pair, char[] into, int position) {
    into[position - 1] = ONES[pair];
    into[position - 2] = TENS[pair];
    return position - 2;
  }

  /** floor(log10(2^e)), exact over doubles' exponents (the test checks |e| <= 1100). */
  static int floorLog10Pow2(int e) {
    return (int) (e * 661_971_961_083L >> 41);
  }

  /** floor(log10(3/4 * 2^e)), exact over doubles' exponents (the test checks |e| <= 1100). */
  static int floorLog10ThreeQuartersPow2(int e) {
    return (int) (e * 661_971_961_083L - 274_743_187_321L >> 41);
  }

  /** floor(log2(10^e)), exact over the powers of ten used (the test checks |e| <= 340). */
  static int floorLog2Pow10(int e) {
    return (int) (e * 913_124_641_741L >> 38);
  }
}
