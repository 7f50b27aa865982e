package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;

/**
 * First start without PRIORA_ADMIN_PASSWORD: a random one-time password, written to the
 * data folder.
 */
@TestPropertySource(properties = { "priora.admin.password=", "priora.admin.email=Owner@Example.org" })
class FirstStartIntegrationTest extends IntegrationTestBase {

	@Value("${priora.data-dir}")
	String dataDir;

	@Test
	void writesARandomInitialPasswordThatSignsIn() throws Exception {
		Path file = Path.of(dataDir, "initial-admin-password");
		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String password = Files.readString(file).strip();
		assertThat(password).hasSize(20).doesNotContain(ADMIN_PASSWORD);
		ApiClient owner = ApiClient.signIn(port, "owner@example.org", password);
		assertThat(owner.get("/api/v1/products/SHOP").status()).isEqualTo(200);
		// the demo comes with its customer voice: customers, feedback, and demand on the
		// items they ask for
		assertThat(owner.get("/api/v1/products/SHOP/customers").text()).contains("Summit Sports");
		var mostDemanded = owner.get("/api/v1/products/SHOP/items?order=DEMAND&limit=3").json().get("items");
		assertThat(mostDemanded.get(0).get("demand").get("customers").asInt()).isGreaterThanOrEqualTo(2);
		assertThat(owner.get("/api/v1/products/SHOP/feedback?status=NEW").json().get("feedback").size())
			.isGreaterThanOrEqualTo(3);
		// and with RICE inputs, so scores, the map and the order by score have something
		// to show
		int scorable = 0;
		for (var s : owner.get("/api/v1/products/SHOP/scores").json()) {
			scorable += s.get("score").get("value").isNull() ? 0 : 1;
		}
		assertThat(scorable).isGreaterThanOrEqualTo(10);
		assertThat(owner.get("/api/v1/products/SHOP/priority-order").json().get("moved").asInt()).isPositive();
	}

}
