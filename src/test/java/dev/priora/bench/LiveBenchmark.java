package dev.priora.bench;

import java.lang.management.ManagementFactory;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.ConfigurableApplicationContext;

import dev.priora.live.LiveStreams;
import dev.priora.support.ApiClient;

/**
 * The live-update benchmark of docs/BENCHMARKS.md: {@code clients} event streams open on
 * one node (the JDK's HTTP client, asynchronous: no thread per stream) while {@code rate}
 * changes a second are made through the API for {@code seconds}; measures the delivery
 * latency (from just before the change's request is sent — an upper bound of commit →
 * event read — to the event's line read by a client) and the heap (after a GC) before the
 * clients connect, once they are connected and after the run. Arguments:
 * {@code h2|postgres [clients] [rate] [seconds]}. Client and server share one JVM, so the
 * heap figures hold both.
 */
public final class LiveBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	private static final Pattern KEY = Pattern.compile("\"key\":\"LIVE-(\\d+)\"");

	private static final int ITEMS = 200;

	private LiveBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int clients = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
		int rate = args.length > 2 ? Integer.parseInt(args[2]) : 50;
		int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
		ConfigurableApplicationContext app = BenchServer.start(db);
		int port = BenchServer.port(app);
		ApiClient api = ApiClient.signIn(port, "admin@localhost", BenchServer.PASSWORD);
		api.post("/api/v1/products", "{\"key\":\"LIVE\",\"name\":\"Live benchmark\"}");
		for (int i = 1; i <= ITEMS; i++) {
			api.post("/api/v1/products/LIVE/items", "{\"type\":\"STORY\",\"title\":\"Item " + i + "\"}");
		}
		Changes changes = new Changes(clients);
		long idle = heapAfterGc();
		HttpClient http = signedIn(port);
		List<CompletableFuture<?>> streams = new ArrayList<>();
		for (int c = 0; c < clients; c++) {
			int client = c;
			HttpRequest open = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/p/LIVE/live"))
				.header("Accept", "text/event-stream")
				.build();
			streams.add(http.sendAsync(open,
					HttpResponse.BodyHandlers.fromLineSubscriber(new Lines(line -> changes.read(client, line)))));
		}
		LiveStreams live = app.getBean(LiveStreams.class);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (connected(live) < clients && System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		long withClients = heapAfterGc();
		ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();
		var writers = Executors.newFixedThreadPool(16);
		AtomicInteger next = new AtomicInteger();
		long period = 1_000_000L / rate;
		ticks.scheduleAtFixedRate(() -> {
			int n = next.incrementAndGet();
			writers.execute(() -> changes.make(api, n));
		}, 0, period, TimeUnit.MICROSECONDS);
		Thread.sleep(seconds * 1000L);
		ticks.shutdownNow();
		writers.shutdown();
		writers.awaitTermination(30, TimeUnit.SECONDS);
		Thread.sleep(2000);
		long after = heapAfterGc();
		long[] latencies = changes.latencies(true);
		long[] afterCommit = changes.latencies(false);
		long[] requests = changes.requests();
		System.out.printf(Locale.ROOT,
				"LiveBenchmark %s: %d clients connected (of %d), %d changes in %d s (%.1f/s), %d events read%n", db,
				connected(live), clients, next.get(), seconds, next.get() / (double) seconds, latencies.length);
		System.out.printf(Locale.ROOT,
				"delivery latency ms from the change's request: p50 %.1f, p95 %.1f, p99 %.1f,"
						+ " max %.1f; %d expected, %d missing%n",
				pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100),
				(long) changes.made() * clients, (long) changes.made() * clients - latencies.length);
		System.out.printf(Locale.ROOT,
				"delivery latency ms from the change's answer (0 when read before it): p50 %.1f,"
						+ " p95 %.1f, p99 %.1f, max %.1f%n",
				pct(afterCommit, 50), pct(afterCommit, 95), pct(afterCommit, 99), pct(afterCommit, 100));
		System.out.printf(Locale.ROOT,
				"the change requests themselves (GET + PATCH) ms: p50 %.1f, p95 %.1f, p99 %.1f%n", pct(requests, 50),
				pct(requests, 95), pct(requests, 99));
		System.out.printf(Locale.ROOT, "heap after GC MiB: idle %d, %d clients connected %d, after the run %d; %s%n",
				idle >> 20, clients, withClients >> 20, after >> 20, BenchServer.load());
		streams.forEach(s -> s.cancel(true));
		app.close();
		System.exit(0);
	}

	private static int connected(LiveStreams live) {
		return live.connected();
	}

	/** A client with the administrator's session cookie, signed in through the form. */
	private static HttpClient signedIn(int port) throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		String base = "http://127.0.0.1:" + port;
		String login = http
			.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher m = CSRF.matcher(login);
		m.find();
		String form = "username=admin%40localhost&password="
				+ URLEncoder.encode(BenchServer.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
				+ URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
		http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.discarding());
		return http;
	}

	private static long heapAfterGc() throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static double pct(long[] sorted, int p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int i = Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
		return sorted[Math.max(0, i)] / 1e6;
	}

	/**
	 * The changes made (per item, the start of its latest change) and each client's
	 * latency samples: the first event of an item after its change, per client.
	 */
	private static final class Changes {

		private static final int MAX_CHANGES = 100_000;

		private final AtomicLongArray startOf = new AtomicLongArray(MAX_CHANGES);

		private final AtomicLongArray endOf = new AtomicLongArray(MAX_CHANGES);

		private final AtomicLongArray changeOf = new AtomicLongArray(ITEMS + 1);

		private final long[][] seen;

		private final long[] sampleChange = new long[4_000_000];

		private final long[] sampleRead = new long[4_000_000];

		private final AtomicInteger count = new AtomicInteger();

		private final AtomicInteger made = new AtomicInteger();

		Changes(int clients) {
			this.seen = new long[clients][ITEMS + 1];
		}

		void make(ApiClient api, int n) {
			if (n >= MAX_CHANGES) {
				return;
			}
			int item = 1 + n % ITEMS;
			String path = "/api/v1/products/LIVE/items/LIVE-" + item;
			startOf.set(n, System.nanoTime());
			String etag = api.get(path).etag();
			changeOf.set(item, n);
			api.patch(path, "{\"title\":\"Item " + item + " change " + n + "\"}", etag);
			endOf.set(n, System.nanoTime());
			made.incrementAndGet();
		}

		int made() {
			return made.get();
		}

		void read(int client, String line) {
			if (!line.startsWith("data:")) {
				return;
			}
			Matcher m = KEY.matcher(line);
			if (!m.find()) {
				return;
			}
			long now = System.nanoTime();
			int item = Integer.parseInt(m.group(1));
			long n = changeOf.get(item);
			synchronized (seen[client]) {
				if (n == 0 || seen[client][item] >= n) {
					return;
				}
				seen[client][item] = n;
			}
			int i = count.getAndIncrement();
			if (i < sampleRead.length) {
				sampleChange[i] = n;
				sampleRead[i] = now;
			}
		}

		/** Sorted latencies from each change's request start, or from its answer. */
		long[] latencies(boolean fromStart) {
			int k = Math.min(count.get(), sampleRead.length);
			long[] out = new long[k];
			for (int i = 0; i < k; i++) {
				int n = (int) sampleChange[i];
				long from = fromStart ? startOf.get(n) : endOf.get(n);
				out[i] = from == 0 ? 0 : Math.max(0, sampleRead[i] - from);
			}
			Arrays.sort(out);
			return out;
		}

		long[] requests() {
			List<Long> all = new ArrayList<>();
			for (int n = 1; n < MAX_CHANGES; n++) {
				if (endOf.get(n) != 0) {
					all.add(endOf.get(n) - startOf.get(n));
				}
			}
			return all.stream().mapToLong(Long::longValue).sorted().toArray();
		}

	}

	/** Hands each line of a stream to a consumer. */
	private record Lines(
			java.util.function.Consumer<String> consumer) implements java.util.concurrent.Flow.Subscriber<String> {

		@Override
		public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
			s.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			consumer.accept(line);
		}

		@Override
		public void onError(Throwable t) {
		}

		@Override
		public void onComplete() {
		}

	}

}
