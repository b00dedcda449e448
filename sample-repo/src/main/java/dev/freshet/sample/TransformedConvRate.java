package dev.freshet.sample;

import dev.freshet.annotations.Name;
import dev.freshet.annotations.OnDemandFeatureView;

/** The hourly rates adjusted by the request's value, computed at request time. */
@OnDemandFeatureView
public record TransformedConvRate(
    @Name("conv_rate_plus_val1") double convRatePlusVal1,
    @Name("conv_rate_plus_val2") double convRatePlusVal2) {

  static TransformedConvRate transform(DriverHourlyStats stats, ValsToAdd request) {
    return new TransformedConvRate(
        stats.convRate() + (double) request.valToAdd(),
        stats.accRate() + (double) request.valToAdd());
  }
}
