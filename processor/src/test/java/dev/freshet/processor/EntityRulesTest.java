package dev.freshet.processor;

import org.junit.jupiter.api.Test;

/** Rules of {@code @Entity}. */
class EntityRulesTest {

  @Test
  void anEntityWithoutJoinKeysIsAnError() {
    new Fixtures()
        .put(
            "Driver",
            """
            @Entity(description = "driver id")
            public interface Driver {}
            """)
        .assertOneError(
            "Driver",
            "@Entity(description",
            "[FRESHET-ENT-001] entity 'driver' declares no join key; add one method per key, e.g. `long driverId();`");
  }

  @Test
  void aDoubleJoinKeyIsAnError() {
    new Fixtures()
        .put(
            "Driver",
            """
            @Entity
            public interface Driver {
              double driverId();
            }
            """)
        .assertOneError(
            "Driver",
            "double driverId();",
            "[FRESHET-ENT-002] join key 'driver_id' of entity 'driver' has type double; a join key is an int, a"
                + " long or a String");
  }

  @Test
  void aJoinKeyDeclaredWithTwoTypesIsAnError() {
    new Fixtures()
        .put(
            "Rider",
            """
            @Entity
            public interface Rider {
              String driverId();
            }
            """)
        .assertOneError(
            "Rider",
            "String driverId();",
            "[FRESHET-ENT-003] join key 'driver_id' is STRING here in entity 'rider', but INT64 in entity 'driver'");
  }
}
