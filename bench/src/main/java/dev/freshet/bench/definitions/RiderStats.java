package dev.freshet.bench.definitions;

import dev.freshet.annotations.FeatureView;

/** Ten features, as the benchmark's source has them. */
@FeatureView(entities = Rider.class, source = RiderSource.class)
public interface RiderStats {
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
