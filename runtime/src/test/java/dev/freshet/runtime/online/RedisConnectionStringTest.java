package dev.freshet.runtime.online;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.freshet.runtime.online.redis.RedisConnectionString;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.HostAndPort;

class RedisConnectionStringTest {

  @Test
  void readsFeastsForm() {
    RedisConnectionString parsed =
        RedisConnectionString.parse(
            "redis-1:6379, redis-2:6380,password=s3cret,ssl=true,db=2,username=feast");
    assertThat(parsed.nodes())
        .containsExactly(new HostAndPort("redis-1", 6379), new HostAndPort("redis-2", 6380));
    assertThat(parsed.password()).isEqualTo("s3cret");
    assertThat(parsed.username()).isEqualTo("feast");
    assertThat(parsed.ssl()).isTrue();
    assertThat(parsed.database()).isEqualTo(2);
    assertThat(RedisConnectionString.parse("localhost:6379").nodes())
        .isEqualTo(List.of(new HostAndPort("localhost", 6379)));
  }

  @Test
  void mistakesAreNamedAndPasswordsNeverShown() {
    assertThatThrownBy(() -> RedisConnectionString.parse("localhost"))
        .hasMessage("'localhost' in Redis connection string is not host:port, e.g. localhost:6379");
    assertThatThrownBy(() -> RedisConnectionString.parse("localhost:63x9,password=hunter2"))
        .hasMessage(
            "port '63x9' in Redis connection string 'localhost:63x9,password=***' is not a number");
    assertThatThrownBy(() -> RedisConnectionString.parse("localhost:6379,tls=yes"))
        .hasMessage(
            "unknown option 'tls' in Redis connection string; known: password, username, ssl, db");
    assertThatThrownBy(() -> RedisConnectionString.parse("password=x"))
        .hasMessage("Redis connection string 'password=***' names no host:port");
  }
}
