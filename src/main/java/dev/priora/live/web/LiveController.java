package dev.priora.live.web;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import dev.priora.accounts.Permission;
import dev.priora.accounts.Requires;
import dev.priora.accounts.SignedInUser;
import dev.priora.live.LiveStreams;

/**
 * The event streams pages open ({@code static/js/live.js}): a product page's
 * ({@code /p/{key}/live}: the product's changes and the reader's notifications) and one
 * for pages outside products ({@code /live}: the reader's notifications). Only a request
 * that asks for {@code text/event-stream} (as {@code EventSource} does) gets a stream;
 * any other gets 406, so a link opened in a tab does not hang.
 */
@Controller
class LiveController {

	private final LiveStreams streams;

	LiveController(LiveStreams streams) {
		this.streams = streams;
	}

	@GetMapping("/p/{key}/live")
	@Requires(Permission.READ)
	ResponseEntity<SseEmitter> product(@AuthenticationPrincipal SignedInUser user, @PathVariable String key,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws IOException {
		return stream(user, key.toUpperCase(java.util.Locale.ROOT), accept, lastEventId);
	}

	@GetMapping("/live")
	ResponseEntity<SseEmitter> personal(@AuthenticationPrincipal SignedInUser user,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
			@RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) throws IOException {
		return stream(user, null, accept, lastEventId);
	}

	private ResponseEntity<SseEmitter> stream(SignedInUser user, String productKey, String accept, String lastEventId)
			throws IOException {
		if (accept == null || !accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE)) {
			throw new ResponseStatusException(HttpStatus.NOT_ACCEPTABLE,
					"This is an event stream: ask with Accept: text/event-stream.");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header("X-Accel-Buffering", "no")
			.contentType(MediaType.TEXT_EVENT_STREAM)
			.body(streams.open(user, productKey, eventId(lastEventId)));
	}

	/** The browser's last event id; null when absent or not a number (a new stream). */
	private static Long eventId(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		try {
			long id = Long.parseLong(header.strip());
			return id < 0 ? null : id;
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
