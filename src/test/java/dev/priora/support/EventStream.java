package dev.priora.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A server-sent event stream read by the JDK's HTTP client, as a browser's
 * {@code EventSource} reads it: events (id, name, data) and comment lines, parsed on a
 * reader thread. Closing it closes the connection.
 */
public final class EventStream implements AutoCloseable {

	/** One event; {@code name} "message" when the server named none. */
	public record Event(String id, String name, String data) {
	}

	private final HttpResponse<Stream<String>> response;

	private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

	private final List<String> comments = new java.util.concurrent.CopyOnWriteArrayList<>();

	private final Thread reader;

	private EventStream(HttpResponse<Stream<String>> response) {
		this.response = response;
		this.reader = new Thread(this::read, "event-stream-reader");
		this.reader.setDaemon(true);
		if (response.statusCode() == 200) {
			reader.start();
		}
	}

	static EventStream open(HttpClient http, HttpRequest request) {
		try {
			return new EventStream(http.send(request, HttpResponse.BodyHandlers.ofLines()));
		}
		catch (java.io.IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	public int status() {
		return response.statusCode();
	}

	public String header(String name) {
		return response.headers().firstValue(name).orElse(null);
	}

	/** The comment lines read so far (heartbeats, the greeting). */
	public List<String> comments() {
		return List.copyOf(comments);
	}

	/**
	 * The next event that matches, within {@code time}; events before it that do not
	 * match are dropped. Fails the test when none came.
	 */
	public Event await(Predicate<Event> match, Duration time, String what) {
		long end = System.nanoTime() + time.toNanos();
		try {
			while (true) {
				Event e = events.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
				if (e == null) {
					throw new AssertionError("no event " + what + " within " + time);
				}
				if (match.test(e)) {
					return e;
				}
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Every event read until one matches {@code last} (included), within {@code time}.
	 */
	public List<Event> until(Predicate<Event> last, Duration time, String what) {
		List<Event> seen = new ArrayList<>();
		await(e -> {
			seen.add(e);
			return last.test(e);
		}, time, what);
		return seen;
	}

	@Override
	public void close() {
		response.body().close();
		reader.interrupt();
	}

	private void read() {
		String id = null;
		String name = null;
		StringBuilder data = null;
		try (Stream<String> lines = response.body()) {
			for (String line : (Iterable<String>) lines::iterator) {
				if (line.isEmpty()) {
					if (data != null || name != null) {
						events.add(new Event(id, name == null ? "message" : name, data == null ? "" : data.toString()));
					}
					id = null;
					name = null;
					data = null;
				}
				else if (line.startsWith(":")) {
					comments.add(line.substring(1).strip());
				}
				else {
					int colon = line.indexOf(':');
					String field = colon < 0 ? line : line.substring(0, colon);
					String value = colon < 0 ? "" : line.substring(colon + 1);
					value = value.startsWith(" ") ? value.substring(1) : value;
					switch (field) {
						case "id" -> id = value;
						case "event" -> name = value;
						case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
						default -> {
						}
					}
				}
			}
		}
		catch (RuntimeException e) {
			// closed
		}
	}

	/** Asserts that the stream answered 200 with the event-stream type. */
	public EventStream ok() {
		assertThat(status()).as("stream status").isEqualTo(200);
		assertThat(header("Content-Type")).startsWith("text/event-stream");
		return this;
	}

}
