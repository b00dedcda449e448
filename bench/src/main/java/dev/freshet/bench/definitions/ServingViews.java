package dev.freshet.bench.definitions;

import dev.freshet.annotations.FeatureView;

/**
 * The serving benchmark's views, the shape of Feast's published benchmark: 25 views of 10 FLOAT
 * features each, all of the rider. Their values are loaded into Redis by the harness directly. Each
 * is named explicitly ({@code stats00}, as {@code ServingWorkload} addresses them), since the
 * derived name of {@code Stats00} would be {@code stats_00}.
 */
public final class ServingViews {
  private ServingViews() {}

  /** Benchmark view 0. */
  @FeatureView(name = "stats00", entities = Rider.class, source = RiderSource.class)
  public interface Stats00 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 1. */
  @FeatureView(name = "stats01", entities = Rider.class, source = RiderSource.class)
  public interface Stats01 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 2. */
  @FeatureView(name = "stats02", entities = Rider.class, source = RiderSource.class)
  public interface Stats02 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 3. */
  @FeatureView(name = "stats03", entities = Rider.class, source = RiderSource.class)
  public interface Stats03 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 4. */
  @FeatureView(name = "stats04", entities = Rider.class, source = RiderSource.class)
  public interface Stats04 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 5. */
  @FeatureView(name = "stats05", entities = Rider.class, source = RiderSource.class)
  public interface Stats05 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 6. */
  @FeatureView(name = "stats06", entities = Rider.class, source = RiderSource.class)
  public interface Stats06 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 7. */
  @FeatureView(name = "stats07", entities = Rider.class, source = RiderSource.class)
  public interface Stats07 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 8. */
  @FeatureView(name = "stats08", entities = Rider.class, source = RiderSource.class)
  public interface Stats08 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 9. */
  @FeatureView(name = "stats09", entities = Rider.class, source = RiderSource.class)
  public interface Stats09 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 10. */
  @FeatureView(name = "stats10", entities = Rider.class, source = RiderSource.class)
  public interface Stats10 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 11. */
  @FeatureView(name = "stats11", entities = Rider.class, source = RiderSource.class)
  public interface Stats11 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 12. */
  @FeatureView(name = "stats12", entities = Rider.class, source = RiderSource.class)
  public interface Stats12 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 13. */
  @FeatureView(name = "stats13", entities = Rider.class, source = RiderSource.class)
  public interface Stats13 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 14. */
  @FeatureView(name = "stats14", entities = Rider.class, source = RiderSource.class)
  public interface Stats14 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 15. */
  @FeatureView(name = "stats15", entities = Rider.class, source = RiderSource.class)
  public interface Stats15 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 16. */
  @FeatureView(name = "stats16", entities = Rider.class, source = RiderSource.class)
  public interface Stats16 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 17. */
  @FeatureView(name = "stats17", entities = Rider.class, source = RiderSource.class)
  public interface Stats17 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 18. */
  @FeatureView(name = "stats18", entities = Rider.class, source = RiderSource.class)
  public interface Stats18 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 19. */
  @FeatureView(name = "stats19", entities = Rider.class, source = RiderSource.class)
  public interface Stats19 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 20. */
  @FeatureView(name = "stats20", entities = Rider.class, source = RiderSource.class)
  public interface Stats20 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 21. */
  @FeatureView(name = "stats21", entities = Rider.class, source = RiderSource.class)
  public interface Stats21 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 22. */
  @FeatureView(name = "stats22", entities = Rider.class, source = RiderSource.class)
  public interface Stats22 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 23. */
  @FeatureView(name = "stats23", entities = Rider.class, source = RiderSource.class)
  public interface Stats23 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }

  /** Benchmark view 24. */
  @FeatureView(name = "stats24", entities = Rider.class, source = RiderSource.class)
  public interface Stats24 {
    float f0();

    float f1();

    float f2();

    float f3();

    float f4();

    float f5();

    float f6();

    float f7();

    float f8();

    float f9();
  }
}
