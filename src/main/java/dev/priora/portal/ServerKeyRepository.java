package dev.priora.portal;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Named server secrets ({@code server_keys}), such as the unsubscribe links' key. */
@Repository
class ServerKeyRepository {

	private final JdbcClient jdbc;

	ServerKeyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<String> secret(String name) {
		return jdbc.sql("select secret from server_keys where name = ?").param(name).query(String.class).optional();
	}

	void insert(String name, String secret, OffsetDateTime createdAt) {
		jdbc.sql("insert into server_keys (name, secret, created_at) values (?, ?, ?)")
			.params(name, secret, createdAt)
			.update();
	}

}
