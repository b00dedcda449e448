package dev.freshet.processor.writing;

import com.palantir.javapoet.ClassName;
import javax.lang.model.util.Elements;

/**
 * The freshet-client types generated clients are made of, named by string (as Dagger names the
 * types of its runtime) so that the processor needs none of them on its own path.
 */
public final class ClientTypes {
  static final String PACKAGE = "dev.freshet.client";

  static final ClassName FEATURE_REF = ClassName.get(PACKAGE, "FeatureRef");
  static final ClassName FEATURE_TRANSPORT = ClassName.get(PACKAGE, "FeatureTransport");
  static final ClassName FEATURE_VALUE = ClassName.get(PACKAGE, "FeatureValue");
  static final ClassName ONLINE_REQUEST = ClassName.get(PACKAGE, "OnlineRequest");
  static final ClassName ONLINE_RESPONSE = ClassName.get(PACKAGE, "OnlineResponse");
  static final ClassName TRAINING_DATA_SOURCE = ClassName.get(PACKAGE, "TrainingDataSource");
  static final ClassName REMOTE_TRANSPORTS = ClassName.get(PACKAGE, "RemoteTransports");

  private ClientTypes() {}

  /**
   * Whether freshet-client is on the compile class path. Without it generated clients would not
   * compile, so none are written; the registry, rows and materializers need only freshet-dsl.
   */
  public static boolean onClassPath(Elements elements) {
    return elements.getTypeElement(FEATURE_TRANSPORT.canonicalName()) != null;
  }
}
