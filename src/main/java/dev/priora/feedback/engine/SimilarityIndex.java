package dev.priora.feedback.engine;

import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.BytesRef;

import dev.priora.text.engine.LuceneIndex;

/**
 * Finds the texts most like a given one by combining two rankings: BM25 over the words
 * (title counted twice, English stemming; good at rare shared terms) and nearest
 * neighbours over sentence-embedding vectors (good at the same request in other words).
 * Each ranking's top {@value #CANDIDATES} are min-max normalised to 0–1 and mixed,
 * {@link #LEXICAL_WEIGHT} lexical to the rest semantic ({@link HybridRanking}); a text
 * without a vector is ranked by words alone. On the Redmine duplicate set this hybrid
 * beats either ranking alone (docs/BENCHMARKS.md).
 *
 * <p>
 * Entries are keyed by id; {@link #put} replaces, {@link #remove} deletes, and searches
 * see every change made before them. Thread-safe. Held in memory, or in a Lucene
 * {@link Directory} given by the caller (e.g. on disk): then {@link #commit} makes the
 * entries durable with a checkpoint of the caller's, and a new index on the same
 * directory starts from the last commit (opening it costs milliseconds where building the
 * vector graph again costs minutes at 100,000 entries).
 */
public final class SimilarityIndex implements AutoCloseable {

	/** Share of the lexical (BM25) ranking in the combined score. */
	public static final double LEXICAL_WEIGHT = 0.3;

	/** How many candidates each ranking contributes before they are combined. */
	public static final int CANDIDATES = 100;

	/**
	 * Nearest neighbours asked of the vector index (HNSW): enough for a top 10, and cheap
	 * at 100,000 texts.
	 */
	public static final int VECTOR_CANDIDATES = 40;

	/**
	 * The lexical query keeps the words that best tell the text apart (highest tf·idf),
	 * as Lucene's MoreLikeThis does: long texts stay fast, and common words add nothing
	 * to the ranking anyway.
	 */
	private static final int MAX_QUERY_TERMS = 25;

	/**
	 * Words found in more than this share of the texts are left out of the lexical query
	 * (cost, not signal).
	 */
	private static final double MAX_DOC_FREQ = 0.2;

	/**
	 * One text: {@code vector} is its sentence embedding (any fixed dimension, or null
	 * for words only).
	 */
	public record Entry(String id, String title, String text, float[] vector) {
		public Entry {
			if (id == null || id.isBlank()) {
				throw new IllegalArgumentException("an entry needs an id");
			}
			title = title == null ? "" : title;
			text = text == null ? "" : text;
		}
	}

	/**
	 * What to find texts like; {@code exclude} lists ids never to return (e.g. the
	 * query's own).
	 */
	public record Query(String title, String text, float[] vector, int limit, Set<String> exclude) {
		public Query {
			if (limit < 1) {
				throw new IllegalArgumentException("limit must be positive");
			}
			title = title == null ? "" : title;
			text = text == null ? "" : text;
			exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
		}
	}

	/**
	 * A similar text: {@code score} in 0–1 (combined, relative to the other candidates),
	 * {@code lexical} the raw BM25 score (0 when not a lexical candidate),
	 * {@code semantic} the cosine similarity (0 when not a vector candidate).
	 */
	public record Match(String id, double score, double lexical, double semantic) {
	}

	private final Analyzer analyzer = new EnglishAnalyzer();

	/** Marks entries stored without a vector, so they can be listed after a restart. */
	private static final String NO_VECTOR = "novector";

	private final LuceneIndex index;

	/** An empty index held in memory. */
	public SimilarityIndex() {
		this(new ByteBuffersDirectory());
	}

	/**
	 * The index in {@code directory}, as last committed there (empty when nothing was);
	 * it keeps the directory's write lock until {@link #close}.
	 */
	public SimilarityIndex(Directory directory) {
		IndexWriterConfig config = new IndexWriterConfig(analyzer);
		config.setSimilarity(new BM25Similarity());
		config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
		// only commit() makes changes durable, always with their checkpoint
		config.setCommitOnClose(false);
		// fewer, larger segments: a vector search visits every segment's graph
		config.setRAMBufferSizeMB(128);
		this.index = new LuceneIndex(directory, config);
	}

	/** Adds the entry, or replaces the one with the same id. */
	public void put(Entry entry) {
		Document doc = new Document();
		doc.add(new StringField("id", entry.id(), Field.Store.NO));
		doc.add(new SortedDocValuesField("id", new BytesRef(entry.id())));
		doc.add(new TextField("text", entry.title() + "\n" + entry.title() + "\n" + entry.text(), Field.Store.NO));
		if (entry.vector() != null) {
			doc.add(new KnnFloatVectorField("vector", entry.vector(), VectorSimilarityFunction.COSINE));
		}
		else {
			doc.add(new StringField(NO_VECTOR, "1", Field.Store.NO));
		}
		index.update(new Term("id", entry.id()), doc);
	}

	public void remove(String id) {
		index.delete(new Term("id", id));
	}

	/** Removes every entry. */
	public void clear() {
		index.clear();
	}

	/**
	 * Makes every change so far durable together with {@code checkpoint} (the caller's
	 * note of what the entries reflect), which {@link #checkpoint} returns from then on,
	 * also after a restart.
	 */
	public void commit(Map<String, String> checkpoint) {
		index.commit(checkpoint);
	}

	/** The checkpoint of the last commit; empty when there was none. */
	public Map<String, String> checkpoint() {
		return index.checkpoint();
	}

	/** The ids of the entries stored without a vector. */
	public Set<String> withoutVector() {
		return index.search(searcher -> {
			TermQuery query = new TermQuery(new Term(NO_VECTOR, "1"));
			int count = searcher.count(query);
			if (count == 0) {
				return Set.of();
			}
			return Set.copyOf(ids(searcher, searcher.search(query, count).scoreDocs, false).keySet());
		});
	}

	/** The entries most like the query, best first. */
	public List<Match> similar(Query query) {
		return index.search(searcher -> {
			searcher.setSimilarity(new BM25Similarity());
			Map<String, Double> lexical = lexical(searcher, query);
			Map<String, Double> semantic = query.vector() == null ? Map.of() : semantic(searcher, query);
			return HybridRanking.combine(lexical, semantic, query);
		});
	}

	/** How many entries the index holds. */
	public int size() {
		return index.size();
	}

	private Map<String, Double> lexical(IndexSearcher searcher, Query query) throws IOException {
		Map<String, Integer> counts = terms(query.title() + "\n" + query.title() + "\n" + query.text());
		if (counts.isEmpty()) {
			return Map.of();
		}
		var reader = searcher.getIndexReader();
		int docs = Math.max(1, reader.numDocs());
		Map<String, Double> weights = new HashMap<>();
		for (var e : counts.entrySet()) {
			int df = reader.docFreq(new Term("text", e.getKey()));
			if (df > 0 && (docs < 100 || df <= MAX_DOC_FREQ * docs)) {
				weights.put(e.getKey(), e.getValue() * Math.log(1.0 + (double) docs / df));
			}
		}
		BooleanQuery.Builder bool = new BooleanQuery.Builder();
		weights.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.limit(MAX_QUERY_TERMS)
			.forEach(e -> bool.add(new BoostQuery(new TermQuery(new Term("text", e.getKey())), counts.get(e.getKey())),
					BooleanClause.Occur.SHOULD));
		return ids(searcher, searcher.search(bool.build(), CANDIDATES + query.exclude().size()).scoreDocs, false);
	}

	private Map<String, Double> semantic(IndexSearcher searcher, Query query) throws IOException {
		int k = VECTOR_CANDIDATES + query.exclude().size();
		return ids(searcher, searcher.search(new KnnFloatVectorQuery("vector", query.vector(), k), k).scoreDocs, true);
	}

	private static Map<String, Double> ids(IndexSearcher searcher, ScoreDoc[] hits, boolean cosine) throws IOException {
		Map<String, Double> scores = new LinkedHashMap<>();
		List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
		for (ScoreDoc hit : hits) {
			// ids come from doc values: reading stored fields would decompress a block
			// per hit
			LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(hit.doc, leaves));
			SortedDocValues ids = DocValues.getSorted(leaf.reader(), "id");
			if (ids.advanceExact(hit.doc - leaf.docBase)) {
				// Lucene scores COSINE as (1 + cos) / 2; report the cosine itself
				scores.put(ids.lookupOrd(ids.ordValue()).utf8ToString(), cosine ? 2.0 * hit.score - 1.0 : hit.score);
			}
		}
		return scores;
	}

	private Map<String, Integer> terms(String text) {
		Map<String, Integer> counts = new HashMap<>();
		LuceneIndex.tokens(analyzer, text).forEach(t -> counts.merge(t, 1, Integer::sum));
		return counts;
	}

	@Override
	public void close() {
		index.close();
	}

}
