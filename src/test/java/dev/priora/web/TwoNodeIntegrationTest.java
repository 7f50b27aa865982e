package dev.priora.web;

import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aStory;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.TestDatabase;
import dev.priora.support.TestProduct;
import dev.priora.support.TwoNodeTestBase;

/**
 * Two Priora servers on two loopback ports over one database (the build runs this on
 * PostgreSQL and on H2): a session started on one node works on the other, and 32
 * concurrent writers split across both nodes, editing and reordering the same items, lose
 * no update.
 */
class TwoNodeIntegrationTest extends TwoNodeTestBase {

	@Override
	protected String nodeName() {
		return "priora-node-b";
	}

	@Test
	void aSessionStartedOnOneNodeWorksOnTheOther() {
		BrowserlessSession onA = BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		BrowserlessSession onB = onA.on(portB);
		assertThat(onB.get("/p/SHOP/backlog").statusCode()).as("signed in on A, served by B on " + TestDatabase.name())
			.isEqualTo(200);
		var created = onB.post("/p/SHOP/backlog/items", Map.of("type", "TASK", "title", "Made on node B"));
		assertThat(created.statusCode()).as("post/redirect/get").isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/p/SHOP/backlog");
		assertThat(onA.get("/p/SHOP/backlog?q=node%20B").body()).contains("Made on node B");
	}

	record Write(String item, long version, String title) {
	}

	/**
	 * What the writers saw: the successful title writes, unexpected answers, answers by
	 * status.
	 */
	record Outcome(List<Write> successes, List<String> unexpected, Map<Integer, Integer> statuses) {
	}

	/**
	 * 32 writers, alternating between the nodes, each making 12 changes to random items:
	 * two title edits under their ETag for each move before or after another item.
	 */
	private static Outcome write(List<String> items, ApiClient[] nodes) throws InterruptedException {
		Outcome outcome = new Outcome(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>(),
				new ConcurrentHashMap<>());
		ExecutorService pool = Executors.newFixedThreadPool(32);
		for (int w = 0; w < 32; w++) {
			int writer = w;
			pool.submit(() -> {
				Random random = new Random(writer);
				ApiClient node = nodes[writer % 2];
				for (int op = 0; op < 12; op++) {
					String item = items.get(random.nextInt(items.size()));
					String path = "/api/v1/products/TWO/items/" + item;
					if (op % 3 == 2) {
						String target = items.get(random.nextInt(items.size()));
						var moved = node.post(path + "/move", "{\"position\":\""
								+ (random.nextBoolean() ? "before" : "after") + "\",\"target\":\"" + target + "\"}");
						outcome.statuses().merge(moved.status(), 1, Integer::sum);
						if (moved.status() != 204 && !(item.equals(target) && moved.status() == 400)) {
							outcome.unexpected().add("move " + moved.status() + " " + moved.text());
						}
						continue;
					}
					String title = "writer " + writer + " op " + op;
					var r = node.patch(path, "{\"title\":\"" + title + "\"}", node.get(path).etag());
					outcome.statuses().merge(r.status(), 1, Integer::sum);
					if (r.status() == 200) {
						outcome.successes().add(new Write(item, Long.parseLong(r.etag().replace("\"", "")), title));
					}
					else if (r.status() != 412) {
						outcome.unexpected().add("patch " + r.status() + " " + r.text());
					}
				}
			});
		}
		pool.shutdown();
		assertThat(pool.awaitTermination(3, TimeUnit.MINUTES)).isTrue();
		return outcome;
	}

	@Test
	void concurrentWritersOnBothNodesLoseNoUpdate() throws Exception {
		ApiClient a = api();
		TestProduct product = aProduct("TWO").named("Two nodes").createdBy(a);
		List<String> items = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			items.add(aStory("start " + i).in(product));
		}
		String token = ApiClient.signInToken(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		Outcome outcome = write(items,
				new ApiClient[] { ApiClient.withToken(port, token), ApiClient.withToken(portB, token) });
		List<Write> successes = outcome.successes();
		Map<Integer, Integer> statuses = outcome.statuses();
		List<String> unexpected = outcome.unexpected();
		assertThat(unexpected).isEmpty();
		assertThat(statuses).containsKey(200);
		for (String item : items) {
			List<Write> writes = successes.stream()
				.filter(s -> s.item().equals(item))
				.sorted(Comparator.comparingLong(Write::version))
				.toList();
			var current = a.get("/api/v1/products/TWO/items/" + item).json();
			assertThat(writes.stream().map(Write::version).distinct().count()).as("each success made its own version")
				.isEqualTo(writes.size());
			if (!writes.isEmpty()) {
				Write last = writes.get(writes.size() - 1);
				assertThat(current.get("version").asLong()).isEqualTo(last.version());
				assertThat(current.get("title").asText()).as("replaying the successful writes of " + item)
					.isEqualTo(last.title());
				assertThat(writes.get(0).version()).isEqualTo(1);
				assertThat(last.version()).isEqualTo(writes.size());
			}
		}
		List<String> order = new ArrayList<>();
		a.get("/api/v1/products/TWO/items?limit=50").json().get("items").forEach(i -> order.add(i.get("key").asText()));
		assertThat(order).hasSize(8).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(items);
	}

	@Autowired
	dev.priora.feedback.PublicForms forms;

	@Autowired
	dev.priora.accounts.AccountService accounts;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Test
	void aPerAddressLimitHoldsAcrossBothNodes() throws Exception {
		String secret = forms.create("SHOP", accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		BrowserlessSession onA = BrowserlessSession.anonymous(port);
		BrowserlessSession[] nodes = { onA, onA.on(portB) };
		ExecutorService pool = Executors.newFixedThreadPool(30);
		java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
		List<java.util.concurrent.Future<String>> answers = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			int n = i;
			answers.add(pool.submit(() -> {
				start.await();
				var answer = nodes[n % 2].post("/f/" + secret, Map.of("text", "two nodes " + n));
				// a kept submission redirects to the thank-you page; a refused one
				// answers 429
				return answer.statusCode() == 302 ? answer.headers().firstValue("Location").orElse("") : "";
			}));
		}
		start.countDown();
		int thanked = 0;
		for (var answer : answers) {
			thanked += answer.get(2, TimeUnit.MINUTES).endsWith("?sent") ? 1 : 0;
		}
		pool.shutdown();
		// this context (and so its database) is shared with other test classes: give the
		// hour back
		jdbc.sql("delete from rate_limits where bucket = 'public-form-address'").update();
		assertThat(thanked).as("the default limit of 10 per hour, over both nodes on " + TestDatabase.name())
			.isEqualTo(10);
	}

}
