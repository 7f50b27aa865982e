package dev.priora.text.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

class LuceneIndexTest {

	private static Document doc(String id) {
		Document d = new Document();
		d.add(new StringField("id", id, Field.Store.NO));
		return d;
	}

	@Test
	void searchesSeeEveryWriteMadeBeforeThem() {
		try (LuceneIndex index = new LuceneIndex(new ByteBuffersDirectory(), new IndexWriterConfig())) {
			index.add(doc("a"));
			index.update(new Term("id", "b"), doc("b"));
			index.update(new Term("id", "b"), doc("b"));
			assertThat(index.size()).isEqualTo(2);
			int withB = index.search(s -> s.count(new TermQuery(new Term("id", "b"))));
			assertThat(withB).isEqualTo(1);
			index.delete(new Term("id", "a"));
			assertThat(index.size()).isEqualTo(1);
			index.clear();
			assertThat(index.size()).isZero();
		}
	}

	@Test
	void keepsTheCallersCheckpointWithACommit() {
		try (LuceneIndex index = new LuceneIndex(new ByteBuffersDirectory(), new IndexWriterConfig())) {
			assertThat(index.checkpoint()).isEmpty();
			index.add(doc("a"));
			index.commit(Map.of("feedback", "42"));
			assertThat(index.checkpoint()).containsExactly(Map.entry("feedback", "42"));
		}
	}

	@Test
	void tokensAreTheAnalyzersTermsInOrderWithRepeats() {
		assertThat(LuceneIndex.tokens(new EnglishAnalyzer(), "Exporting the exports, exported"))
			.containsExactly("export", "export", "export");
	}

}
