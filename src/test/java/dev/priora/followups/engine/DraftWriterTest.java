package dev.priora.followups.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class DraftWriterTest {

	@Test
	void quotesTheirWordsAndNamesWhatShipped() {
		var d = DraftWriter
			.write(new DraftWriter.Input("Ana", List.of("We need   CSV\nexports", "", "We need CSV exports"),
					List.of("Export orders as CSV"), null, "Shop"));
		assertThat(d.subject()).isEqualTo("Now available: Export orders as CSV");
		assertThat(d.body()).isEqualTo("""
				Hello Ana,

				You told us:

				> We need CSV exports

				It has shipped: Export orders as CSV.

				Thank you for telling us: it helped us decide what to build next.

				The Shop team""");
	}

	@Test
	void aReleaseWithSeveralItemsListsThemAndNamesTheRelease() {
		var d = DraftWriter.write(new DraftWriter.Input("", List.of("one", "two", "three", "four"),
				List.of("Gift cards", "Dark mode"), "Spring 2027", "Shop"));
		assertThat(d.subject()).isEqualTo("Spring 2027 is out, with 2 things you asked for");
		assertThat(d.body()).startsWith("Hello,\n\nYou told us:\n\n> one\n\n> two\n\n> three\n\n")
			.doesNotContain("four")
			.contains("They have shipped:\n- Gift cards\n- Dark mode\n\nAll part of Spring 2027.");
	}

	@Test
	void longWordsAreCutAtAWordAndNothingQuotedWithoutWords() {
		String words = "word ".repeat(100);
		assertThat(DraftWriter.excerpt(words)).endsWith("word…").hasSizeLessThanOrEqualTo(DraftWriter.EXCERPT + 1);
		var d = DraftWriter.write(new DraftWriter.Input("Bo", List.of(), List.of("Dark mode"), "2.4", "Shop"));
		assertThat(d.body()).doesNotContain("You told us").contains("It has shipped: Dark mode.\nIt is part of 2.4.");
		assertThat(d.subject()).isEqualTo("Now available in 2.4: Dark mode");
	}

	@Test
	void somethingMustHaveShipped() {
		assertThatThrownBy(() -> new DraftWriter.Input("A", List.of(), List.of(), null, "Shop"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
