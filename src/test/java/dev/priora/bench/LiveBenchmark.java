package dev.priora.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.context.ConfigurableApplicationContext;

import dev.priora.live.LiveStreams;
import dev.priora.support.ApiClient;

/**
 * The live-update benchmark of docs/BENCHMARKS.md: {@code clients} event streams open on
 * one node (read by one thread with non-blocking sockets, see {@link Streams}) while
 * {@code rate} changes a second (estimates) are made through the API for {@code seconds};
 * measures the delivery latency (from just before the change's request is sent — an upper
 * bound of commit → event read — to the event's line read by a client) and the heap
 * (after a GC) before the clients connect, once they are connected and after the run.
 * Arguments: {@code h2|postgres [clients] [rate] [seconds]}. Client and server share one
 * JVM, so the heap figures hold both.
 */
public final class LiveBenchmark {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" (?:content|value)=\"([^\"]+)\"");

	private static final Pattern KEY = Pattern.compile("\"key\":\"LIVE-(\\d+)\"");

	private static final int ITEMS = 200;

	private static final int[] ESTIMATES = { 1, 2, 3, 5, 8 };

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
		Streams streams = new Streams(port, cookie(signedIn(port)), clients, changes);
		Thread reader = new Thread(streams, "live-benchmark-reader");
		reader.setDaemon(true);
		reader.start();
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
		System.out.printf(Locale.ROOT, "the change requests themselves (PATCH) ms: p50 %.1f, p95 %.1f, p99 %.1f%n",
				pct(requests, 50), pct(requests, 95), pct(requests, 99));
		System.out.printf(Locale.ROOT, "heap after GC MiB: idle %d, %d clients connected %d, after the run %d; %s%n",
				idle >> 20, clients, withClients >> 20, after >> 20, BenchServer.load());
		streams.close();
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

		private final Map<Integer, String> etags = new ConcurrentHashMap<>();

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
			// the version from the item's last change (read once): one request per change
			String etag = etags.computeIfAbsent(item, k -> api.get(path).etag());
			changeOf.set(item, n);
			// an estimate, as a board or a poker session changes it (a title change also
			// queues the item's sentence vector: the embedding is measured elsewhere)
			var changed = api.patch(path, "{\"estimate\":" + ESTIMATES[(n / ITEMS) % ESTIMATES.length] + "}", etag);
			if (changed.status() == 200 && changed.etag() != null) {
				etags.put(item, changed.etag());
			}
			else {
				etags.remove(item);
			}
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

	/** The session cookie of a signed-in client, as a request header's value. */
	private static String cookie(HttpClient http) {
		CookieManager cookies = (CookieManager) http.cookieHandler().orElseThrow();
		return cookies.getCookieStore()
			.getCookies()
			.stream()
			.map(c -> c.getName() + "=" + c.getValue())
			.collect(Collectors.joining("; "));
	}

	/**
	 * Every event stream, read on one thread with non-blocking sockets and the lines
	 * handed to {@link Changes#read}: a client as cheap as can be, so that what the two
	 * cores spend is the server's. Each stream is a plain HTTP/1.1 request; the server
	 * writes each batch of events in one chunk, so chunk headers fall between lines.
	 */
	private static final class Streams implements Runnable {

		private final Selector selector;

		private final List<SocketChannel> channels = new ArrayList<>();

		private final StringBuilder[] pending;

		private final Changes changes;

		private volatile boolean open = true;

		Streams(int port, String cookie, int clients, Changes changes) throws IOException {
			this.changes = changes;
			this.selector = Selector.open();
			this.pending = new StringBuilder[clients];
			byte[] request = ("GET /p/LIVE/live HTTP/1.1\r\nHost: 127.0.0.1:" + port
					+ "\r\nAccept: text/event-stream\r\nCookie: " + cookie + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1);
			for (int c = 0; c < clients; c++) {
				SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
				channel.write(ByteBuffer.wrap(request));
				channel.configureBlocking(false);
				channel.register(selector, SelectionKey.OP_READ, c);
				channels.add(channel);
				pending[c] = new StringBuilder();
			}
		}

		@Override
		public void run() {
			ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
			try {
				while (open) {
					selector.select(100);
					for (SelectionKey key : selector.selectedKeys()) {
						buffer.clear();
						if (((SocketChannel) key.channel()).read(buffer) < 0) {
							key.cancel();
							continue;
						}
						buffer.flip();
						lines((Integer) key.attachment(), StandardCharsets.ISO_8859_1.decode(buffer));
					}
					selector.selectedKeys().clear();
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		private void lines(int client, CharSequence text) {
			StringBuilder line = pending[client];
			for (int i = 0; i < text.length(); i++) {
				char ch = text.charAt(i);
				if (ch == '\n') {
					changes.read(client, line.toString());
					line.setLength(0);
				}
				else {
					line.append(ch);
				}
			}
		}

		void close() throws IOException {
			open = false;
			for (SocketChannel channel : channels) {
				channel.close();
			}
		}

	}

}
