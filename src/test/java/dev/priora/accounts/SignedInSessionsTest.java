package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A session's browser and system in words, from the User-Agent header. */
class SignedInSessionsTest {

	@Test
	void namesTheBrowserAndSystemAPersonKnows() {
		assertThat(SignedInSessions.device(
				"Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"))
			.isEqualTo("Chrome 131 on Linux");
		assertThat(SignedInSessions
			.device("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
			.isEqualTo("Firefox 133 on Windows 10");
		assertThat(SignedInSessions.device("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15"
				+ " (KHTML, like Gecko) Version/17.4 Safari/605.1.15"))
			.isEqualTo("Safari 17 on Mac OS X");
		assertThat(SignedInSessions.device("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
				+ " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"))
			.isEqualTo("Mobile Safari 17 on iOS 17");
	}

	@Test
	void saysNothingForAMissingOrUnknownAgent() {
		assertThat(SignedInSessions.device(null)).isNull();
		assertThat(SignedInSessions.device("  ")).isNull();
		assertThat(SignedInSessions.device("something-nobody-knows")).isNull();
		assertThat(SignedInSessions.device("x".repeat(100_000))).isNull();
	}

	@Test
	void namesASessionByADigestNotItsId() {
		String ref = SignedInSessions.ref("0b1c4e2f-session");
		assertThat(ref).hasSize(16).doesNotContain("session").isEqualTo(SignedInSessions.ref("0b1c4e2f-session"));
	}

	@Test
	void notesABrowserOnceEvenWhenItSaysNothingOfItself() {
		var session = new org.springframework.mock.web.MockHttpSession();
		var request = new org.springframework.mock.web.MockHttpServletRequest();
		request.setSession(session);
		request.setRemoteAddr("192.0.2.7");
		SignedInUser user = new SignedInUser(new UserId(1), "ann@example.com", "Ann", "x", true, false, null);
		org.springframework.security.core.context.SecurityContextHolder.getContext()
			.setAuthentication(org.springframework.security.authentication.UsernamePasswordAuthenticationToken
				.authenticated(user, null, java.util.List.of()));
		try {
			java.time.Instant signedIn = java.time.Instant.parse("2026-12-03T10:00:00Z");
			new SignedInSessions(null, null, java.time.Clock.fixed(signedIn, java.time.ZoneOffset.UTC))
				.preHandle(request, null, null);
			new SignedInSessions(null, null, java.time.Clock.fixed(signedIn.plusSeconds(600), java.time.ZoneOffset.UTC))
				.preHandle(request, null, null);
			assertThat(session.getAttribute(SignedInSessions.SIGNED_IN)).isEqualTo(signedIn.toEpochMilli());
			assertThat(session.getAttribute(SignedInSessions.DEVICE)).isEqualTo("");
			assertThat(session.getAttribute(SignedInSessions.ADDRESS)).isEqualTo("192.0.2.7");
		}
		finally {
			org.springframework.security.core.context.SecurityContextHolder.clearContext();
		}
	}

}
