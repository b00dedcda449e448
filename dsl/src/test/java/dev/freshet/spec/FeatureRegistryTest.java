package dev.freshet.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeatureRegistryTest {

  @Test
  void aHandWrittenRegistryThatDoesNotNameItsProjectReturnsNull() {
    FeatureRegistry registry =
        new FeatureRegistry() {
          @Override
          public List<EntitySpec> entities() {
            return List.of();
          }

          @Override
          public List<DataSourceSpec> dataSources() {
            return List.of();
          }

          @Override
          public List<FeatureViewSpec> featureViews() {
            return List.of();
          }

          @Override
          public List<StreamFeatureViewSpec> streamFeatureViews() {
            return List.of();
          }

          @Override
          public List<FeatureServiceSpec> featureServices() {
            return List.of();
          }

          @Override
          public Optional<Materializer<? extends FeatureRow>> materializer(String featureView) {
            return Optional.empty();
          }
        };
    assertThat(registry.project()).isNull();
  }
}
