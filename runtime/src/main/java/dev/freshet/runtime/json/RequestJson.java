package dev.freshet.runtime.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one way request bodies are parsed, streamed (reads) or whole (every other endpoint), with the
 * same rules: at most 32 levels of nesting (Feast's requests have 4), field names of at most 1,000
 * characters and numbers of at most 100 digits, no field given twice in one object, nothing after
 * the document, and no NaN or Infinity (JSON has none). A body that breaks one is a 422 naming
 * where, never a 500.
 */
public final class RequestJson {
  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxNestingDepth(32)
          .maxNameLength(1_000)
          .maxNumberLength(100)
          .build();

  /**
   * For streaming parsers: a request's parser must also check that nothing follows the document.
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(LIMITS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  /** For bodies parsed whole. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(FACTORY.copy())
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .build();

  private RequestJson() {}
}
