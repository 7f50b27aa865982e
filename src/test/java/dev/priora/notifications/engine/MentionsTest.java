package dev.priora.notifications.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class MentionsTest {

	private static final List<Mentions.Candidate> MEMBERS = List.of(new Mentions.Candidate(1, "Ann", "ann@x.test"),
			new Mentions.Candidate(2, "Ann Lee", "lee@x.test"), new Mentions.Candidate(3, "Bob", "bob@x.test"));

	@Test
	void findsNamesAndEmailsCaseInsensitively() {
		assertThat(Mentions.in("Hi @bob and @LEE@X.TEST.", MEMBERS)).containsExactly(3L, 2L);
	}

	@Test
	void prefersTheLongestName() {
		assertThat(Mentions.in("@Ann Lee, can you?", MEMBERS)).containsExactly(2L);
		assertThat(Mentions.in("@Ann, can you?", MEMBERS)).containsExactly(1L);
	}

	@Test
	void ignoresAtSignsInsideWordsAndNamesThatContinue() {
		assertThat(Mentions.in("mail ann@x.test or @Bobby", MEMBERS)).isEmpty();
	}

	@Test
	void ignoresCode() {
		assertThat(Mentions.in("`@Bob` and\n```\n@Ann\n```", MEMBERS)).isEmpty();
	}

	@Test
	void findsOnlyCandidates() {
		assertThat(Mentions.in("@carol@x.test @Carol", MEMBERS)).isEmpty();
		assertThat(Mentions.in(null, MEMBERS)).isEmpty();
	}

}
