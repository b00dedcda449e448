package dev.freshet.runtime.serving;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Request bodies that must be a JSON object, parsed whole: for the endpoints that are not on the hot path. */
final class JsonBodies {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonBodies() {}

  /** @throws ApiException 422 naming where the JSON breaks, or that it is not an object */
  static JsonNode object(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.notAnObject(body);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.notJson(e);
    } catch (IOException e) {
      throw ApiException.malformed("the request body cannot be read: " + e.getMessage());
    }
  }
}
