package dev.priora.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for bodies no client library would send: a declared
 * length with none of the body sent, or a chunked body generated as it goes (never held
 * in memory) that stops as soon as the server answers.
 */
public final class RawHttp {

	/** The answer, and how many body bytes were sent before it came. */
	public record Answer(int status, Map<String, String> headers, String body, long sent) {

		public String contentType() {
			return headers.getOrDefault("content-type", "");
		}

	}

	/** Something the body starts with, then filler up to the size. */
	public record Body(String prefix, long size) {
	}

	private RawHttp() {
	}

	/** Declares {@code length} bytes and sends none: the answer must come first. */
	public static Answer declared(int port, String method, String path, String contentType, long length,
			Map<String, String> headers) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head(method, path, contentType, headers, "Content-Length: " + length));
			out.flush();
			return read(socket.getInputStream(), 0);
		}
	}

	/**
	 * Sends the body chunked, 64 KiB at a time, until the server answers or all is sent;
	 * {@code pauseAt} (if positive) stops at that many bytes and runs {@code paused}
	 * before going on.
	 */
	public static Answer chunked(int port, String method, String path, String contentType, Body body,
			Map<String, String> headers, long pauseAt, Runnable paused) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(60_000);
			OutputStream out = socket.getOutputStream();
			InputStream in = socket.getInputStream();
			out.write(head(method, path, contentType, headers, "Transfer-Encoding: chunked"));
			byte[] prefix = body.prefix().getBytes(StandardCharsets.UTF_8);
			byte[] filler = new byte[64 * 1024];
			Arrays.fill(filler, (byte) 'x');
			long sent = 0;
			boolean pausedOnce = false;
			try {
				sent += chunk(out, prefix, prefix.length);
				while (sent < body.size() && in.available() == 0) {
					if (pauseAt > 0 && !pausedOnce && sent >= pauseAt) {
						out.flush();
						paused.run();
						pausedOnce = true;
					}
					int n = (int) Math.min(filler.length, body.size() - sent);
					if (pauseAt > 0 && !pausedOnce) {
						n = (int) Math.min(n, Math.max(1, pauseAt - sent));
					}
					sent += chunk(out, filler, n);
				}
				if (in.available() == 0) {
					out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
					out.flush();
				}
			}
			catch (IOException e) {
				// the server answered and closed while the body was still coming
			}
			return read(in, sent);
		}
	}

	private static long chunk(OutputStream out, byte[] bytes, int n) throws IOException {
		if (n == 0) {
			return 0;
		}
		out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.write(bytes, 0, n);
		out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		return n;
	}

	private static byte[] head(String method, String path, String contentType, Map<String, String> headers,
			String length) {
		StringBuilder h = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
		if (contentType != null) {
			h.append("Content-Type: ").append(contentType).append("\r\n");
		}
		headers.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
		h.append(length).append("\r\nConnection: close\r\n\r\n");
		return h.toString().getBytes(StandardCharsets.US_ASCII);
	}

	private static Answer read(InputStream in, long sent) throws IOException {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		int n;
		try {
			while ((n = in.read(buffer)) > 0) {
				all.write(buffer, 0, n);
				if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
					break;
				}
			}
		}
		catch (IOException e) {
			if (all.size() == 0) {
				throw e;
			}
		}
		String text = all.toString(StandardCharsets.ISO_8859_1);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			throw new IOException("no complete answer: " + text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
					lines[i].substring(colon + 1).strip());
		}
		String body = text.substring(end + 4);
		if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			body = unchunk(body);
		}
		body = new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
		return new Answer(Integer.parseInt(lines[0].split(" ")[1]), headers, body, sent);
	}

	private static boolean complete(String text) {
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			return false;
		}
		String head = text.substring(0, end).toLowerCase(Locale.ROOT);
		int i = head.indexOf("content-length:");
		if (i >= 0) {
			int eol = head.indexOf("\r\n", i);
			long length = Long.parseLong(head.substring(i + 15, eol < 0 ? head.length() : eol).strip());
			return text.length() - end - 4 >= length;
		}
		return head.contains("transfer-encoding: chunked") && text.endsWith("0\r\n\r\n");
	}

	private static String unchunk(String body) {
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < body.length()) {
			int eol = body.indexOf("\r\n", i);
			int size = Integer.parseInt(body.substring(i, eol).strip(), 16);
			if (size == 0) {
				break;
			}
			out.append(body, eol + 2, eol + 2 + size);
			i = eol + 2 + size + 2;
		}
		return out.toString();
	}

}
