package dev.freshet.runtime.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.freshet.runtime.error.RequestException;
import java.io.IOException;

/**
 * Request bodies that must be a JSON object, parsed whole: for the endpoints that are not on the
 * hot path.
 */
public final class JsonBodies {
  private static final ObjectMapper JSON = RequestJson.MAPPER;

  private JsonBodies() {}

  /**
   * @throws RequestException 422 naming where the JSON breaks, or that it is not an object
   */
  public static JsonNode object(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw RequestException.notAnObject(body);
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RequestException.notJson(e);
    } catch (IOException e) {
      throw RequestException.malformed("the request body cannot be read: " + e.getMessage());
    }
  }
}
