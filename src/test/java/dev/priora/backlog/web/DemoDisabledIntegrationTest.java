package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import dev.priora.support.IntegrationTestBase;

/** PRIORA_DEMO=false: the first start writes no demo at all. */
@TestPropertySource(properties = "priora.demo.enabled=false")
class DemoDisabledIntegrationTest extends IntegrationTestBase {

	@Test
	void startsWithoutAnyProduct() {
		var api = api();
		assertThat(api.get("/api/v1/products").json()).isEmpty();
		assertThat(api.get("/api/v1/products/SHOP/releases").status()).isEqualTo(404);
	}

}
