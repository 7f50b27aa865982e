package dev.priora.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Untitled feedback (a public form or an e-mail without a subject) is called by the start
 * of its text in lists and headings, not by its database number.
 */
class FeedbackHeadlineTest {

	@Test
	void aTitleIsTheHeadline() {
		assertThat(feedback("Gift cards", "We want them.").headline()).isEqualTo("Gift cards");
	}

	@Test
	void withoutATitleTheTextStartsItCutAtAWord() {
		String text = "Our shoppers ask for gift cards every December, and we lose them to the shop next door "
				+ "because it sells them.";
		String headline = feedback("  ", text).headline();
		assertThat(headline).isEqualTo("Our shoppers ask for gift cards every December, and we lose them to…");
		assertThat(headline.length()).isLessThanOrEqualTo(71);
	}

	@Test
	void shortTextIsWholeAndLinesAreJoined() {
		assertThat(feedback("", "Dark\n  mode, please").headline()).isEqualTo("Dark mode, please");
		assertThat(feedback("", " ").headline()).isEqualTo("Untitled feedback");
	}

	@Test
	void oneLongWordIsCutWhereItMustBe() {
		assertThat(feedback("", "x".repeat(100)).headline()).isEqualTo("x".repeat(70) + "…");
	}

	private static FeedbackView feedback(String title, String text) {
		return new FeedbackView(1, title, text, null, null, null, Channel.WEB_FORM, Instant.EPOCH, FeedbackStatus.NEW,
				List.of(), null, null, List.of(), 0, null, null, null, null, null, null, null, null);
	}

}
