package dev.priora.feedback.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.priora.feedback.engine.SimilarityIndex.Entry;
import dev.priora.feedback.engine.SimilarityIndex.Match;
import dev.priora.feedback.engine.SimilarityIndex.Query;

class SimilarityIndexTest {

	private final SimilarityIndex index = new SimilarityIndex();

	@AfterEach
	void close() {
		index.close();
	}

	private static float[] v(float... xs) {
		return xs;
	}

	private List<String> ids(Query q) {
		return index.similar(q).stream().map(Match::id).toList();
	}

	@Test
	void ranksByWordsWhenThereAreNoVectors() {
		index.put(new Entry("1", "Export the backlog to CSV", "A spreadsheet export of all items", null));
		index.put(new Entry("2", "Dark mode", "A darker theme for the evening", null));
		index.put(new Entry("3", "Import from CSV files", "Read items from a spreadsheet", null));
		List<String> found = ids(new Query("CSV export", "I need to export items to a spreadsheet", null, 3, Set.of()));
		assertThat(found).startsWith("1").contains("3").doesNotContain("2");
	}

	@Test
	void vectorsFindTheSameRequestInOtherWords() {
		index.put(new Entry("car", "Automobile insurance quote", "", v(1, 0, 0)));
		index.put(new Entry("house", "Quote for home cover", "", v(0, 1, 0)));
		List<Match> found = index.similar(new Query("Vehicle cover", "", v(0.9f, 0.1f, 0), 2, Set.of()));
		assertThat(found.get(0).id()).isEqualTo("car");
		assertThat(found.get(0).semantic()).isGreaterThan(0.9);
		assertThat(found.get(0).score()).isBetween(0.0, 1.0);
	}

	@Test
	void replacesRemovesAndExcludes() {
		index.put(new Entry("1", "Keyboard shortcuts", "", null));
		index.put(new Entry("2", "Keyboard navigation in lists", "", null));
		index.put(new Entry("1", "Calendar view", "", null));
		assertThat(index.size()).isEqualTo(2);
		assertThat(ids(new Query("keyboard", "", null, 5, Set.of()))).containsExactly("2");
		assertThat(ids(new Query("keyboard", "", null, 5, Set.of("2")))).isEmpty();
		index.remove("2");
		assertThat(ids(new Query("keyboard", "", null, 5, Set.of()))).isEmpty();
		assertThat(index.size()).isEqualTo(1);
	}

	@Test
	void limitsTheAnswerAndRefusesBadQueries() {
		for (int i = 0; i < 20; i++) {
			index.put(new Entry("e" + i, "email notification " + i, "notify me by email", null));
		}
		assertThat(index.similar(new Query("email", "", null, 5, Set.of()))).hasSize(5);
		assertThat(index.similar(new Query("", "", null, 5, Set.of()))).isEmpty();
		assertThatThrownBy(() -> new Query("x", "", null, 0, Set.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Entry(" ", "x", "", null)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void acceptsLongTextsWithManyDistinctWords() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 3000; i++) {
			text.append("word").append(i).append(' ');
		}
		index.put(new Entry("long", "Long one", text.toString(), null));
		assertThat(ids(new Query("Long one", text.toString(), null, 1, Set.of()))).containsExactly("long");
	}

	@Test
	void startsFromItsLastCommitWithTheCheckpoint() throws Exception {
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("similarity-test");
		try (SimilarityIndex first = new SimilarityIndex(org.apache.lucene.store.FSDirectory.open(folder))) {
			assertThat(first.checkpoint()).isEmpty();
			first.put(new Entry("car", "Automobile insurance quote", "", v(1, 0, 0)));
			first.put(new Entry("house", "Quote for home cover", "", null));
			first.commit(java.util.Map.of("seen", "2"));
			first.put(new Entry("boat", "Boat insurance", "", v(0, 0, 1)));
		}
		try (SimilarityIndex again = new SimilarityIndex(org.apache.lucene.store.FSDirectory.open(folder))) {
			assertThat(again.checkpoint()).containsExactly(java.util.Map.entry("seen", "2"));
			assertThat(again.size()).as("the entry put after the commit is not kept").isEqualTo(2);
			assertThat(again.withoutVector()).containsExactly("house");
			assertThat(again.similar(new Query("Vehicle cover", "", v(0.9f, 0.1f, 0), 1, Set.of())).get(0).id())
				.isEqualTo("car");
			again.clear();
			assertThat(again.size()).isZero();
		}
	}

	@Test
	void holdsTheFolderUntilClosed() throws Exception {
		java.nio.file.Path folder = java.nio.file.Files.createTempDirectory("similarity-test");
		try (SimilarityIndex first = new SimilarityIndex(org.apache.lucene.store.FSDirectory.open(folder))) {
			assertThatThrownBy(() -> new SimilarityIndex(org.apache.lucene.store.FSDirectory.open(folder)))
				.isInstanceOf(java.io.UncheckedIOException.class)
				.hasCauseInstanceOf(org.apache.lucene.store.LockObtainFailedException.class);
		}
	}

}
