package dev.priora.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ProductService;
import dev.priora.support.ApiClient;
import tools.jackson.databind.JsonNode;

/**
 * The planner at product scale through the API (issue 23): a product of {@code items}
 * items (seeded by {@link BacklogSeeder}: epics, stories, bugs, a fifth unestimated, a
 * fifth done, one prerequisite per five items), {@code customers} customers (weights 1 to
 * 100) each asking for one to five open items through one piece of feedback linked to
 * them, and {@code releases} releases two weeks apart whose capacities together hold
 * about a third of the open points; then "Plan for me" with customer value (10 % discount
 * per release) as the page starts it, {@code POST /api/v1/products/{key}/plans}, followed
 * by polling the plan every 100 ms: seconds to the first plan reported, the best value
 * after 2 s, the end (state, value, proven bound, gap, optimal) and the wall time to it.
 * Arguments: {@code h2|postgres [time-limit-seconds] [items] [customers] [releases]}.
 */
public final class PlanScaleBenchmark {

	private PlanScaleBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int limit = args.length > 1 ? Integer.parseInt(args[1]) : 60;
		int n = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
		int customers = args.length > 3 ? Integer.parseInt(args[3]) : 300;
		int releases = args.length > 4 ? Integer.parseInt(args[4]) : 4;
		ConfigurableApplicationContext app = BenchServer.start(db);
		try {
			UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
			var product = app.getBean(ProductService.class).create("SCALE", "Planner at scale", "", admin);
			JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
			new BacklogSeeder(jdbc).seed(product.id().value(), admin.value(), n, 23);
			ApiClient api = ApiClient.signIn(BenchServer.port(app), "admin@localhost", BenchServer.PASSWORD);
			String base = "/api/v1/products/SCALE";
			List<Long> open = jdbc.queryForList("select item_number from items where product_id = ? and item_type <> "
					+ "'EPIC' and status <> 'DONE' and status <> 'REJECTED' and estimate is not null order by item_number",
					Long.class, product.id().value());
			double points = jdbc.queryForObject(
					"select coalesce(sum(estimate), 0) from items where product_id = ? and "
							+ "item_type <> 'EPIC' and status <> 'DONE' and status <> 'REJECTED'",
					Double.class, product.id().value());
			long links = demand(api, base, open, customers, new Random(23));
			long capacity = Math.round(points / 3 / releases);
			for (int r = 0; r < releases; r++) {
				ok(api.post(base + "/releases", ApiClient.json(java.util.Map.of("name", "R" + (r + 1), "targetDate",
						LocalDate.now().plusDays(14L * (r + 1)).toString(), "capacity", capacity))));
			}
			System.out.printf(Locale.ROOT,
					"database=%s items=%d open estimated=%d (%.0f points) customers=%d links=%d releases=%d x %d points,"
							+ " limit %d s, %s%n",
					db, n, open.size(), points, customers, links, releases, capacity, limit, BenchServer.load());
			run(api, base, limit);
		}
		finally {
			app.close();
		}
	}

	/**
	 * Customers with one feedback each, linked to one to five open items; answers the
	 * links.
	 */
	private static long demand(ApiClient api, String base, List<Long> open, int customers, Random random) {
		long links = 0;
		for (int c = 0; c < customers; c++) {
			long customer = ok(api.post(base + "/customers",
					ApiClient.json(java.util.Map.of("name", "Customer " + (c + 1), "weight", 1 + random.nextInt(100)))))
				.get("id")
				.asLong();
			long feedback = ok(api.post(base + "/feedback",
					ApiClient.json(java.util.Map.of("text", "Customer " + (c + 1) + " asks", "customerId", customer))))
				.get("id")
				.asLong();
			Set<Long> asked = new LinkedHashSet<>();
			int k = 1 + random.nextInt(5);
			while (asked.size() < k) {
				asked.add(open.get(random.nextInt(open.size())));
			}
			for (long item : asked) {
				ok(api.post(base + "/feedback/" + feedback + "/links",
						"{\"item\":\"SCALE-" + item + "\",\"importance\":\"IMPORTANT\"}"));
				links++;
			}
		}
		return links;
	}

	private static void run(ApiClient api, String base, int limit) throws InterruptedException {
		long start = System.nanoTime();
		long id = ok(api.post(base + "/plans", "{\"name\":\"At scale\",\"value\":\"CUSTOMER\",\"discount\":0.1,"
				+ "\"timeLimitSeconds\":" + limit + "}"))
			.get("id")
			.asLong();
		Double first = null;
		Long atTwo = null;
		JsonNode plan;
		List<String> trace = new ArrayList<>();
		while (true) {
			plan = api.get(base + "/plans/" + id).json();
			double t = (System.nanoTime() - start) / 1e9;
			boolean has = plan.hasNonNull("bestValue");
			if (has && first == null) {
				first = t;
				trace.add(String.format(Locale.ROOT, "first plan after %.1f s: %d", t, plan.get("bestValue").asLong()));
			}
			if (t <= 2 && has) {
				atTwo = plan.get("bestValue").asLong();
			}
			String state = plan.get("state").asText();
			if (!"QUEUED".equals(state) && !"RUNNING".equals(state)) {
				break;
			}
			Thread.sleep(100);
		}
		double wall = (System.nanoTime() - start) / 1e9;
		JsonNode r = plan.get("result");
		trace.forEach(System.out::println);
		System.out
			.println("| state | value | bound | gap | optimal | engine s | wall s to the result | best within 2 s |"
					+ " planned items |");
		System.out.println("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
		System.out.printf(Locale.ROOT, "| %s | %d | %d | %.2f %% | %s | %.1f | %.1f | %s | %d |%n",
				plan.get("state").asText(), r.get("value").asLong(), r.get("bound").asLong(),
				r.get("gapPercent").asDouble(), r.get("optimal").asBoolean() ? "yes" : "no",
				r.get("seconds").asDouble(), wall, atTwo == null ? "none" : atTwo.toString(), r.get("planned").size());
	}

	private static JsonNode ok(ApiClient.Response r) {
		if (r.status() >= 300) {
			throw new IllegalStateException(r.status() + " " + r.text());
		}
		return r.json();
	}

}
