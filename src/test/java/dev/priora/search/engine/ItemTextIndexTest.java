package dev.priora.search.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.priora.search.engine.ItemTextIndex.Entry;
import dev.priora.search.engine.ItemTextIndex.Hit;
import dev.priora.search.engine.ItemTextIndex.Segment;

class ItemTextIndexTest {

	private static ItemTextIndex index() {
		ItemTextIndex index = new ItemTextIndex();
		index.put(new Entry(1, "SHOP", "SHOP-1", "Export orders to CSV", "Finance wants a spreadsheet.",
				List.of("finance")));
		index.put(new Entry(2, "SHOP", "SHOP-2", "Checkout in one step", "Exporting is not part of this.", List.of()));
		index.put(new Entry(3, "SHOP", "SHOP-12", "Gift cards", "Sell gift cards at checkout.", List.of("payments")));
		index.put(new Entry(4, "HR", "HR-1", "Export payslips", "Secret", List.of()));
		return index;
	}

	private static List<Long> ids(List<Hit> hits) {
		return hits.stream().map(Hit::id).toList();
	}

	@Test
	void ranksTitleMatchesAboveDescriptionMatches() {
		assertThat(ids(index().search("export", Set.of("SHOP"), 10))).containsExactly(1L, 2L);
	}

	@Test
	void matchesWordsWhileTheyAreBeingTyped() {
		assertThat(ids(index().search("chec", Set.of("SHOP"), 10))).containsExactly(2L, 3L);
	}

	@Test
	void everyTypedWordMustMatch() {
		assertThat(ids(index().search("export csv", Set.of("SHOP"), 10))).containsExactly(1L);
		assertThat(ids(index().search("export gift", Set.of("SHOP"), 10))).isEmpty();
	}

	@Test
	void anExactKeyComesFirst() {
		assertThat(ids(index().search("shop-12", Set.of("SHOP"), 10))).first().isEqualTo(3L);
		assertThat(ids(index().search("12", Set.of("SHOP"), 10))).containsExactly(3L);
	}

	@Test
	void neverReturnsItemsOfOtherProducts() {
		assertThat(ids(index().search("export", Set.of("SHOP"), 10))).doesNotContain(4L);
		assertThat(ids(index().search("payslips", Set.of("SHOP"), 10))).isEmpty();
		assertThat(ids(index().search("payslips", Set.of("HR"), 10))).containsExactly(4L);
	}

	@Test
	void findsLabels() {
		assertThat(ids(index().search("payments", Set.of("SHOP"), 10))).containsExactly(3L);
	}

	@Test
	void marksTheMatchedWordsAsPlainSegments() {
		List<Segment> title = index().highlight("exp <b>", "Export <b>orders</b> to CSV");
		assertThat(title).contains(new Segment("Export", true));
		assertThat(String.join("", title.stream().map(Segment::text).toList()))
			.isEqualTo("Export <b>orders</b> to CSV");
		assertThat(title.stream().filter(Segment::match).map(Segment::text)).containsExactly("Export", "b", "b");
	}

	@Test
	void highlightIsNullWhenNothingMatches() {
		assertThat(index().highlight("gift", "Export orders")).isNull();
		assertThat(index().snippet("", "Export orders")).isNull();
	}

	@Test
	void replacesAndRemovesEntries() {
		ItemTextIndex index = index();
		index.put(new Entry(1, "SHOP", "SHOP-1", "Import orders", "", List.of()));
		assertThat(ids(index.search("export", Set.of("SHOP"), 10))).containsExactly(2L);
		index.remove(2);
		assertThat(ids(index.search("export", Set.of("SHOP"), 10))).isEmpty();
		assertThat(index.size()).isEqualTo(3);
	}

}
