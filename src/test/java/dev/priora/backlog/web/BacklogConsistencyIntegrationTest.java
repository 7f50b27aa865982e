package dev.priora.backlog.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.anItem;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.TestProduct;
import tools.jackson.databind.JsonNode;

/**
 * The demo product, the readiness filter against the explained readiness, and concurrent
 * reordering.
 */
class BacklogConsistencyIntegrationTest extends IntegrationTestBase {

	@Test
	void firstStartCreatesTheDemoProduct() {
		JsonNode page = api().get("/api/v1/products/SHOP/items?limit=200").json();
		assertThat(page.get("items").size()).isBetween(55, 65);
		List<String> types = new ArrayList<>();
		page.get("items").forEach(i -> types.add(i.get("type").asText() + ":" + i.get("status").asText()));
		assertThat(types).filteredOn(t -> t.startsWith("EPIC")).hasSize(4);
		assertThat(types).anyMatch(t -> t.endsWith(":DONE")).anyMatch(t -> t.endsWith(":IN_PROGRESS"));
	}

	@Test
	void readinessFilterAgreesWithTheExplainedReadinessForEveryRuleSet() {
		ApiClient api = api();
		String[] ruleSets = { "[]",
				"[{\"rule\":\"HAS_EPIC\",\"enabled\":true},{\"rule\":\"SMALL_ENOUGH\",\"enabled\":true,\"limit\":5}]",
				"[{\"rule\":\"HAS_DESCRIPTION\",\"enabled\":false},{\"rule\":\"PREREQUISITES_DONE\",\"enabled\":false}]" };
		for (String rules : ruleSets) {
			assertThat(api.send("PUT", "/api/v1/products/SHOP/ready-rules", rules, null).status()).isEqualTo(200);
			Set<String> explainedReady = new HashSet<>();
			api.get("/api/v1/products/SHOP/items?limit=200").json().get("items").forEach(i -> {
				if (i.get("readiness").get("ready").asBoolean()) {
					explainedReady.add(i.get("key").asText());
				}
			});
			Set<String> filteredReady = new HashSet<>();
			api.get("/api/v1/products/SHOP/items?limit=200&ready=true")
				.json()
				.get("items")
				.forEach(i -> filteredReady.add(i.get("key").asText()));
			Set<String> filteredNotReady = new HashSet<>();
			api.get("/api/v1/products/SHOP/items?limit=200&ready=false")
				.json()
				.get("items")
				.forEach(i -> filteredNotReady.add(i.get("key").asText()));
			assertThat(filteredReady).as(rules).isEqualTo(explainedReady).isNotEmpty();
			assertThat(filteredNotReady).as(rules).doesNotContainAnyElementsOf(filteredReady).isNotEmpty();
		}
	}

	@Test
	void concurrentMovesKeepOneTotalOrder() throws Exception {
		ApiClient api = api();
		TestProduct product = aProduct("CONC").named("Concurrency").createdBy(api);
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			keys.add(anItem("TASK", "t" + i).in(product));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<List<Integer>>> results = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			long seed = t;
			results.add(pool.submit(() -> {
				Random random = new Random(seed);
				List<Integer> statuses = new ArrayList<>();
				for (int m = 0; m < 25; m++) {
					String item = keys.get(random.nextInt(keys.size()));
					String target = keys.get(random.nextInt(keys.size()));
					String position = List.of("before", "after", "top", "bottom").get(random.nextInt(4));
					if (item.equals(target)) {
						position = "top";
					}
					statuses.add(api.post("/api/v1/products/CONC/items/" + item + "/move",
							"{\"position\":\"" + position + "\",\"target\":\"" + target + "\"}")
						.status());
				}
				return statuses;
			}));
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
		for (Future<List<Integer>> f : results) {
			assertThat(f.get()).containsOnly(204);
		}
		JsonNode page = api.get("/api/v1/products/CONC/items?limit=200").json();
		List<String> order = new ArrayList<>();
		page.get("items").forEach(i -> order.add(i.get("key").asText()));
		assertThat(order).hasSize(40).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(keys);
	}

}
