package dev.priora.text.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;

/**
 * One Lucene index with near-real-time search: a writer on a directory, and searchers
 * that see every change made before them. The plumbing the text engines share (the
 * feedback similarity index, the item search index): writing by id, searching under an
 * acquired searcher that is always released, commits with the caller's checkpoint, and
 * closing; Lucene's I/O errors are rethrown as {@link UncheckedIOException}. Thread-safe.
 */
public final class LuceneIndex implements AutoCloseable {

	/** Work done with a searcher, which may read the index. */
	@FunctionalInterface
	public interface Search<T> {

		T with(IndexSearcher searcher) throws IOException;

	}

	private final Directory directory;

	private final IndexWriter writer;

	private final SearcherManager searchers;

	/**
	 * The index in {@code directory} as {@code config} opens it; it keeps the directory's
	 * write lock until {@link #close}.
	 */
	public LuceneIndex(Directory directory, IndexWriterConfig config) {
		try {
			this.directory = directory;
			this.writer = new IndexWriter(directory, config);
			this.searchers = new SearcherManager(writer, null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Adds the document, or replaces the ones holding the term (its id). */
	public void update(Term id, Document doc) {
		run(() -> writer.updateDocument(id, doc));
	}

	/** Adds a document known not to be in the index: cheaper than {@link #update}. */
	public void add(Document doc) {
		run(() -> writer.addDocument(doc));
	}

	/** Deletes the documents holding the term. */
	public void delete(Term id) {
		run(() -> writer.deleteDocuments(id));
	}

	/** Deletes every document. */
	public void clear() {
		run(writer::deleteAll);
	}

	/**
	 * Makes every change so far durable together with {@code checkpoint}, which
	 * {@link #checkpoint()} returns from then on, also after a restart.
	 */
	public void commit(Map<String, String> checkpoint) {
		run(() -> {
			writer.setLiveCommitData(Map.copyOf(checkpoint).entrySet());
			return writer.commit();
		});
	}

	/** The checkpoint of the last commit; empty when there was none. */
	public Map<String, String> checkpoint() {
		Map<String, String> data = new HashMap<>();
		Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
		if (live != null) {
			live.forEach(e -> data.put(e.getKey(), e.getValue()));
		}
		return Map.copyOf(data);
	}

	/** Runs the work with a searcher that sees every change made so far. */
	public <T> T search(Search<T> work) {
		try {
			searchers.maybeRefreshBlocking();
			IndexSearcher searcher = searchers.acquire();
			try {
				return work.with(searcher);
			}
			finally {
				searchers.release(searcher);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** How many documents the index holds. */
	public int size() {
		return search(searcher -> searcher.getIndexReader().numDocs());
	}

	@Override
	public void close() {
		try {
			searchers.close();
			writer.close();
			directory.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The terms the analyzer makes of the text, in order, repeats included. */
	public static List<String> tokens(Analyzer analyzer, String text) {
		List<String> out = new ArrayList<>();
		try (TokenStream ts = analyzer.tokenStream("text", text)) {
			CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
			ts.reset();
			while (ts.incrementToken()) {
				out.add(term.toString());
			}
			ts.end();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out;
	}

	private interface Write {

		Object run() throws IOException;

	}

	private static void run(Write write) {
		try {
			write.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}
