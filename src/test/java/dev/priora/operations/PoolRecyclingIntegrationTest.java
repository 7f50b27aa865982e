package dev.priora.operations;

import static dev.priora.support.Fixtures.aProduct;
import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.zaxxer.hikari.HikariDataSource;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * The server keeps working after its pool has closed every connection it had, the one
 * that ran the migrations among them (the pool retires connections after 30 minutes). H2
 * 2.4.240 kept the migrating session inside each {@code CHECK (… IN (…))} constraint:
 * once that session closed, every write checked by one failed with "Check constraint
 * invalid … the database has been closed" (a fresh-clone run hit it on the feedback
 * kind's check after 20 minutes); H2 2.5.252 no longer does.
 */
class PoolRecyclingIntegrationTest extends IntegrationTestBase {

	@Autowired
	DataSource dataSource;

	@Test
	void writesCheckedByConstraintsWorkAfterThePoolHasReplacedEveryConnection() throws java.sql.SQLException {
		ApiClient api = api();
		aProduct("RECY").named("Recycled").createdBy(api);
		// every idle connection closed now, the busy ones when they come back
		dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();
		var created = api.post("/api/v1/products/RECY/feedback",
				"{\"title\":\"Crash on save\",\"text\":\"The app crashes with an error every time I click save.\"}");
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		long id = created.json().get("id").asLong();
		assertThat(api.get("/api/v1/products/RECY/feedback/" + id).json().get("kind").asText()).isEqualTo("BUG");
		var item = api.post("/api/v1/products/RECY/items", "{\"type\":\"STORY\",\"title\":\"Save without crashing\"}");
		assertThat(item.status()).as(item.text()).isEqualTo(201);
	}

}
