package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.priora.support.ApiClient;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.RawHttp;
import dev.priora.support.Routes;

/**
 * Every route that takes a body (from the application's own mappings: JSON, forms,
 * multipart and raw uploads) is sent one byte over its limit, without signing in: 413
 * problem+json naming the limit, answered before any of the body was sent. Bodies of
 * unknown length are refused as they cross the limit, and oversized uploads, however many
 * at once, leave the heap flat.
 */
class BodyLimitSweepIntegrationTest extends IntegrationTestBase {

	private static final long MB = 1024 * 1024;

	@Autowired
	BodyLimits limits;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyRouteWithABodyRefusesOneByteOverItsLimitBeforeReadingIt() throws Exception {
		Set<String> limited = limits.all()
			.stream()
			.flatMap(l -> List.of(l.method().split(",")).stream().map(m -> m + " " + l.pattern()))
			.collect(Collectors.toSet());
		List<String> writes = Routes.of(mappings).stream().filter(r -> !Routes.method(r).equals("GET")).toList();
		assertThat(writes).hasSizeGreaterThan(100);
		assertThat(limited).as("every route that takes a body has a limit").containsAll(writes);
		assertThat(limited).containsAll(Routes.withBody(mappings));
		List<String> failures = new ArrayList<>();
		for (BodyLimits.Limit limit : limits.all()) {
			for (String method : limit.method().split(",")) {
				if (method.equals("GET")) {
					continue;
				}
				String path = Routes.concrete(limit.pattern().replaceAll("\\{(\\w+):([\\w-]+)[^}]*}", "$2"), "SHOP",
						"SHOP-4", "SHOP-3", 999999);
				RawHttp.Answer answer;
				try {
					answer = RawHttp.declared(port, method, path, "application/json", limit.bytes() + 1, Map.of());
				}
				catch (java.io.IOException e) {
					failures.add(method + " " + limit.pattern() + ": no answer (" + e + ")");
					continue;
				}
				if (answer.status() != 413 || !answer.contentType().startsWith("application/problem+json")
						|| !answer.body().contains(limit.setting())
						|| !answer.body().contains("\"limit\":" + limit.bytes())) {
					failures.add(method + " " + limit.pattern() + ": " + answer.status() + " " + answer.body());
				}
			}
		}
		assertThat(failures).isEmpty();
		var within = RawHttp.declared(port, "POST", "/api/v1/products", "application/json", 2 * MB, Map.of());
		assertThat(within.status()).as("at the limit the body is awaited and sign-in checked").isEqualTo(401);
	}

	@Test
	void bodiesOfUnknownLengthAreRefusedAsTheyCrossTheLimit() throws Exception {
		String token = ApiClient.signInToken(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
		var json = RawHttp.chunked(port, "POST", "/api/v1/products", "application/json",
				new RawHttp.Body("{\"key\":\"BIG\",\"name\":\"", 20 * MB), bearer, 0, null);
		assertTooLarge(json, 2 * MB, "priora.limits.json");
		var upload = RawHttp.chunked(port, "POST", "/api/v1/products/SHOP/imports/github?dryRun=true",
				"application/json", new RawHttp.Body("[", 100 * MB), bearer, 0, null);
		assertTooLarge(upload, 32 * MB, "priora.limits.routes[/api/v1/products/{productKey}/imports/{source}]");
		var form = RawHttp.chunked(port, "POST", "/login", "application/x-www-form-urlencoded",
				new RawHttp.Body("username=admin%40localhost&password=", 10 * MB), Map.of(), 0, null);
		assertTooLarge(form, 2 * MB, "priora.limits.form");
		var multipart = RawHttp.chunked(port, "POST", "/p/SHOP/feedback/import/start",
				"multipart/form-data; boundary=B",
				new RawHttp.Body("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
						+ "Content-Type: text/csv\r\n\r\nbody\n", 200 * MB),
				Map.of(), 0, null);
		assertTooLarge(multipart, 64 * MB, "priora.limits.routes[/p/{key}/feedback/import/start]");
		assertThat(api().get("/api/v1/products/BIG").status()).isEqualTo(404);
	}

	@Test
	void oversizedUploadsInParallelLeaveTheHeapFlat() throws Exception {
		String token = ApiClient.signInToken(port, ADMIN_EMAIL, ADMIN_PASSWORD);
		Map<String, String> bearer = Map.of("Authorization", "Bearer " + token);
		long before = usedHeapAfterGc();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<RawHttp.Answer>> declared = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				declared.add(pool.submit(() -> RawHttp.declared(port, "POST", "/api/v1/products/import",
						"application/json", 1024 * MB, Map.of())));
			}
			for (var answer : declared) {
				assertTooLarge(answer.get(60, TimeUnit.SECONDS), 64 * MB,
						"priora.limits.routes[/api/v1/products/import]");
			}
			// four uploads of unknown length each held open just under the limit: the
			// server holds them on disk
			CountDownLatch allPaused = new CountDownLatch(4);
			CountDownLatch measured = new CountDownLatch(1);
			long[] during = new long[1];
			List<Future<RawHttp.Answer>> streamed = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				streamed.add(pool.submit(() -> RawHttp.chunked(port, "POST",
						"/api/v1/products/SHOP/feedback/import?text=body&async=true", "text/csv",
						new RawHttp.Body("body\n", 65 * MB), bearer, 63 * MB, () -> {
							allPaused.countDown();
							await(measured);
						})));
			}
			assertThat(allPaused.await(120, TimeUnit.SECONDS)).isTrue();
			Thread.sleep(500);
			during[0] = usedHeapAfterGc();
			measured.countDown();
			for (var answer : streamed) {
				assertTooLarge(answer.get(120, TimeUnit.SECONDS), 64 * MB,
						"priora.limits.routes[/api/v1/products/{productKey}/feedback/import]");
			}
			assertThat(during[0] - before)
				.as("heap held by 4 uploads of 63 MB in flight (%d MB before, %d MB during)", before / MB,
						during[0] / MB)
				.isLessThan(100 * MB);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(usedHeapAfterGc() - before).isLessThan(100 * MB);
		assertThat(api().get("/api/v1/products/SHOP/feedback/imports").json().size()).as("no job was started").isZero();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(120, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static void assertTooLarge(RawHttp.Answer answer, long limit, String setting) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(413);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.body()).contains("\"limit\":" + limit).contains(setting);
		assertThat(answer.sent()).as("the server stopped reading soon after the limit").isLessThan(limit + 16 * MB);
	}

	private static long usedHeapAfterGc() throws InterruptedException {
		var memory = ManagementFactory.getMemoryMXBean();
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
