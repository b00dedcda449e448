package dev.freshet.bench.definitions;

import dev.freshet.annotations.FeatureView;

/**
 * The serving benchmark's views, the shape of Feast's published benchmark: 25 views of 10 FLOAT
 * features each, all of the rider. Their values are loaded into Redis by the harness directly.
 */
public final class ServingViews {
  private ServingViews() {}

  /** Benchmark view 0. */
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
  @FeatureView(entities = Rider.class, source = RiderSource.class)
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
