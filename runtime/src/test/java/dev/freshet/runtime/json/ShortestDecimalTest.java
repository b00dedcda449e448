package dev.freshet.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ShortestDecimal} against two references: the text must be Jackson's (its port of the same
 * algorithm, which the serving path used before), and must read back as the same double.
 */
class ShortestDecimalTest {

  private static String write(double value) {
    char[] into = new char[ShortestDecimal.MAX_CHARS];
    return new String(into, 0, ShortestDecimal.write(value, into));
  }

  private static void assertAsJackson(double value) {
    String text = write(value);
    assertThat(text)
        .as("bits %016x", Double.doubleToRawLongBits(value))
        .isEqualTo(NumberOutput.toString(value, true));
    assertThat(Double.doubleToRawLongBits(Double.parseDouble(text)))
        .isEqualTo(Double.doubleToRawLongBits(value));
  }

  @Test
  void writesTheWorkshopsValuesAsFeastDoes() {
    assertThat(write((double) 0.40458846f)).isEqualTo("0.4045884609222412");
    assertThat(write((double) 0.40757075f)).isEqualTo("0.4075707495212555");
  }

  @Test
  void laysOutAsDoubleToString() {
    assertThat(write(0.0)).isEqualTo("0.0");
    assertThat(write(-0.0)).isEqualTo("-0.0");
    assertThat(write(1.0)).isEqualTo("1.0");
    assertThat(write(-123.0)).isEqualTo("-123.0");
    assertThat(write(1234567.0)).isEqualTo("1234567.0");
    assertThat(write(1.0E7)).isEqualTo("1.0E7");
    assertThat(write(12345678.0)).isEqualTo("1.2345678E7");
    assertThat(write(0.001)).isEqualTo("0.001");
    assertThat(write(0.0012)).isEqualTo("0.0012");
    assertThat(write(9.99E-4)).isEqualTo("9.99E-4");
    assertThat(write(0.1)).isEqualTo("0.1");
    assertThat(write(123.456)).isEqualTo("123.456");
    assertThat(write(1.0E-5)).isEqualTo("1.0E-5");
    assertThat(write(Double.MIN_VALUE)).isEqualTo("4.9E-324");
    assertThat(write(Double.MAX_VALUE)).isEqualTo("1.7976931348623157E308");
    assertThat(write(-Double.MAX_VALUE)).isEqualTo("-1.7976931348623157E308");
    assertThat(write(2e-323)).isEqualTo("2.0E-323");
  }

  @Test
  void refusesWhatHasNoDecimal() {
    assertThatThrownBy(() -> write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> write(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> write(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void matchesJacksonAtTheEdges() {
    List<Double> values = new ArrayList<>();
    for (int e = -1074; e <= 1023; e++) {
      values.add(Math.scalb(1.0, e));
    }
    for (int e = -323; e <= 308; e++) {
      values.add(Double.parseDouble("1e" + e));
      values.add(Double.parseDouble("9.999999999999999e" + e));
    }
    for (double layoutEdge :
        new double[] {
          1e-3, 1e7, 1.0, 10.0, 100.0, 0.01, 0.1, Double.MIN_NORMAL, Double.MAX_VALUE
        }) {
      values.add(layoutEdge);
    }
    for (long whole = 1; whole < 1L << 53; whole = whole * 3 + 1) {
      values.add((double) whole);
    }
    for (double value : values) {
      for (double near : new double[] {Math.nextDown(value), value, Math.nextUp(value)}) {
        if (near > 0 && !Double.isInfinite(near)) {
          assertAsJackson(near);
          assertAsJackson(-near);
        }
      }
    }
    for (long subnormal = 1; subnormal < 20_000; subnormal++) {
      assertAsJackson(Double.longBitsToDouble(subnormal));
    }
  }

  @Test
  void matchesJacksonOnRandomDoublesAndFloats() {
    SplittableRandom random = new SplittableRandom(20261128);
    for (int i = 0; i < 2_000_000; i++) {
      double value = Double.longBitsToDouble(random.nextLong());
      if (!Double.isNaN(value) && !Double.isInfinite(value)) {
        assertAsJackson(value);
      }
    }
    for (int i = 0; i < 1_000_000; i++) {
      float value = Float.intBitsToFloat(random.nextInt());
      if (!Float.isNaN(value) && !Float.isInfinite(value)) {
        assertAsJackson(value);
      }
    }
    // Feature values as they usually are: rates and amounts with few digits, stored as floats.
    for (int i = 0; i < 1_000_000; i++) {
      assertAsJackson((float) (random.nextInt(1_000_000) / 1000.0));
      assertAsJackson(random.nextInt(1_000_000) / 1000.0);
    }
  }

  @Test
  void powerEstimatesAreExactOverTheRangeUsed() {
    for (int e = -1100; e <= 1100; e++) {
      assertThat(ShortestDecimal.floorLog10Pow2(e))
          .as("floor(log10(2^%d))", e)
          .isEqualTo(floorLog10(BigInteger.ONE, e));
      assertThat(ShortestDecimal.floorLog10ThreeQuartersPow2(e))
          .as("floor(log10(3/4 2^%d))", e)
          .isEqualTo(floorLog10(BigInteger.valueOf(3), e - 2));
    }
    for (int e = -340; e <= 340; e++) {
      int exact =
          e >= 0 ? BigInteger.TEN.pow(e).bitLength() - 1 : -BigInteger.TEN.pow(-e).bitLength();
      assertThat(ShortestDecimal.floorLog2Pow10(e)).as("floor(log2(10^%d))", e).isEqualTo(exact);
    }
  }

  /** floor(log10(m * 2^e)), exactly: for e < 0, m * 2^e = m * 5^-e / 10^-e. */
  private static int floorLog10(BigInteger m, int e) {
    if (e >= 0) {
      return m.shiftLeft(e).toString().length() - 1;
    }
    return m.multiply(BigInteger.valueOf(5).pow(-e)).toString().length() - 1 + e;
  }
}
