package dev.priora.search.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.BytesRef;

import dev.priora.text.engine.LuceneIndex;

/**
 * Finds backlog items by what a person types into a search box: an item key
 * ({@code SHOP-12}), or words. Ranked by Lucene's BM25: every typed word must match the
 * key, title, labels or description, as a whole word (English stemming, title ×3, labels
 * ×2) or, while it is being typed, as a word prefix (scored lower); an exact key outranks
 * everything. Results are limited to the products the caller names, inside the query, so
 * another product's items are never scored, let alone returned.
 *
 * <p>
 * {@link #highlight} marks the matched words of a title or description as
 * {@link Segment}s (Lucene's unified highlighter, see {@link Highlights}), so callers
 * escape text as they render it and never handle markup. Entries are keyed by item id;
 * {@link #put} replaces, {@link #remove} deletes; searches see every change made before
 * them. Thread-safe; held in memory.
 */
public final class ItemTextIndex implements AutoCloseable {

	/** Longest query text considered; the rest is ignored. */
	public static final int MAX_QUERY_LENGTH = 200;

	/** Most words of a query that count (the rest are ignored). */
	public static final int MAX_WORDS = 8;

	private static final Pattern KEY = Pattern.compile("([A-Za-z][A-Za-z0-9]{0,19})-(\\d{1,12})");

	/** One item's searchable text; {@code key} like {@code SHOP-12}. */
	public record Entry(long id, String productKey, String key, String title, String text, List<String> labels) {
		public Entry {
			if (productKey == null || key == null) {
				throw new IllegalArgumentException("an entry needs its product key and item key");
			}
			title = title == null ? "" : title;
			text = text == null ? "" : text;
			labels = labels == null ? List.of() : List.copyOf(labels);
		}
	}

	/** A found item: its id and Lucene score (higher is better; only for ordering). */
	public record Hit(long id, float score) {
	}

	/** A piece of highlighted text: {@code match} when it is one of the query's words. */
	public record Segment(String text, boolean match) {
	}

	private final Analyzer words = new StandardAnalyzer(CharArraySet.EMPTY_SET);

	private final Analyzer stemmed = new EnglishAnalyzer();

	private final LuceneIndex index;

	private final Highlights highlights = new Highlights(words);

	public ItemTextIndex() {
		Analyzer perField = new PerFieldAnalyzerWrapper(words,
				java.util.Map.of("title_en", stemmed, "text_en", stemmed));
		IndexWriterConfig config = new IndexWriterConfig(perField);
		config.setSimilarity(new BM25Similarity());
		config.setRAMBufferSizeMB(64);
		this.index = new LuceneIndex(new ByteBuffersDirectory(), config);
	}

	/** An item key a person typed: a product key and number, or a number alone. */
	public record TypedKey(String productKey, long number) {
	}

	/** Adds the entry, or replaces the one with the same id. */
	public void put(Entry e) {
		index.update(new Term("id", Long.toString(e.id())), document(e));
	}

	/**
	 * Adds an entry known not to be in the index (a build from scratch): cheaper than
	 * {@link #put}, which first looks for the entry to replace.
	 */
	public void add(Entry e) {
		index.add(document(e));
	}

	/** Removes every entry. */
	public void clear() {
		index.clear();
	}

	/**
	 * The words of a typed text as searches use them (lower case, at most
	 * {@link #MAX_WORDS}, each once).
	 */
	public List<String> words(String text) {
		return tokens(words, clip(text));
	}

	/**
	 * The item key a typed text is ({@code SHOP-12}, upper-cased), or the number when the
	 * text is one number; null otherwise.
	 */
	public TypedKey typedKey(String text) {
		String t = clip(text).strip();
		Matcher key = KEY.matcher(t);
		if (key.matches()) {
			return new TypedKey(key.group(1).toUpperCase(Locale.ROOT), Long.parseLong(key.group(2)));
		}
		return !t.isEmpty() && t.length() < 12 && t.chars().allMatch(Character::isDigit)
				? new TypedKey(null, Long.parseLong(t)) : null;
	}

	private static Document document(Entry e) {
		Document doc = new Document();
		doc.add(new StringField("id", Long.toString(e.id()), Field.Store.NO));
		doc.add(new StoredField("item", e.id()));
		doc.add(new StringField("product", e.productKey(), Field.Store.NO));
		doc.add(new StringField("key", e.key().toLowerCase(Locale.ROOT), Field.Store.NO));
		doc.add(new LongPoint("number", number(e.key())));
		doc.add(new TextField("title", e.title(), Field.Store.NO));
		doc.add(new TextField("title_en", e.title(), Field.Store.NO));
		doc.add(new TextField("text", e.text(), Field.Store.NO));
		doc.add(new TextField("text_en", e.text(), Field.Store.NO));
		doc.add(new TextField("labels", String.join(" ", e.labels()), Field.Store.NO));
		return doc;
	}

	public void remove(long id) {
		index.delete(new Term("id", Long.toString(id)));
	}

	/**
	 * The best {@code limit} items of the given products for the typed text, best first;
	 * empty for a blank text or no products.
	 */
	public List<Hit> search(String text, Collection<String> productKeys, int limit) {
		Query query = query(text);
		if (query == null || productKeys.isEmpty() || limit < 1) {
			return List.of();
		}
		Query scoped = new BooleanQuery.Builder().add(query, Occur.MUST)
			.add(new TermInSetQuery("product", productKeys.stream().map(BytesRef::new).toList()), Occur.FILTER)
			.build();
		return index.search(searcher -> {
			searcher.setSimilarity(new BM25Similarity());
			List<Hit> hits = new ArrayList<>();
			for (ScoreDoc d : searcher.search(scoped, limit).scoreDocs) {
				long id = searcher.storedFields().document(d.doc).getField("item").numericValue().longValue();
				hits.add(new Hit(id, d.score));
			}
			return hits;
		});
	}

	/**
	 * The whole text with the query's words marked, or {@code null} when none occurs.
	 */
	public List<Segment> highlight(String text, String content) {
		return highlights.whole(words(text), content);
	}

	/**
	 * The passage of a long text (a description) where the query's words occur, marked;
	 * {@code null} when none occurs.
	 */
	public List<Segment> snippet(String text, String content) {
		return highlights.snippet(words(text), content);
	}

	/** How many items the index holds. */
	public int size() {
		return index.size();
	}

	@Override
	public void close() {
		index.close();
	}

	/**
	 * For each typed word: (title, labels, description) word or stem, or a word starting
	 * with it; all words must match. An item key adds an exact-key clause that outranks
	 * the words.
	 */
	private Query query(String text) {
		List<String> typed = tokens(words, clip(text));
		if (typed.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder all = new BooleanQuery.Builder();
		for (String w : typed) {
			BooleanQuery.Builder one = new BooleanQuery.Builder();
			for (String stem : tokens(stemmed, w)) {
				one.add(new BoostQuery(new TermQuery(new Term("title_en", stem)), 3f), Occur.SHOULD);
				one.add(new TermQuery(new Term("text_en", stem)), Occur.SHOULD);
			}
			one.add(new BoostQuery(new TermQuery(new Term("labels", w)), 2f), Occur.SHOULD);
			one.add(new BoostQuery(new PrefixQuery(new Term("title", w)), 1.5f), Occur.SHOULD);
			one.add(new BoostQuery(new PrefixQuery(new Term("text", w)), 0.3f), Occur.SHOULD);
			one.add(new BoostQuery(new PrefixQuery(new Term("labels", w)), 0.5f), Occur.SHOULD);
			all.add(one.build(), Occur.MUST);
		}
		Query words = all.build();
		Matcher key = KEY.matcher(clip(text).strip());
		BooleanQuery.Builder top = new BooleanQuery.Builder().add(words, Occur.SHOULD);
		if (key.matches()) {
			top.add(new BoostQuery(new TermQuery(new Term("key", clip(text).strip().toLowerCase(Locale.ROOT))), 100f),
					Occur.SHOULD);
		}
		else if (typed.size() == 1 && typed.get(0).chars().allMatch(Character::isDigit) && typed.get(0).length() < 12) {
			top.add(new BoostQuery(LongPoint.newExactQuery("number", Long.parseLong(typed.get(0))), 50f), Occur.SHOULD);
		}
		return top.build();
	}

	private static String clip(String text) {
		return text == null ? "" : text.length() > MAX_QUERY_LENGTH ? text.substring(0, MAX_QUERY_LENGTH) : text;
	}

	private static long number(String key) {
		int dash = key.lastIndexOf('-');
		try {
			return Long.parseLong(key.substring(dash + 1));
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	/** The analyzer's distinct terms of the text, at most {@link #MAX_WORDS}. */
	private static List<String> tokens(Analyzer analyzer, String text) {
		return LuceneIndex.tokens(analyzer, text).stream().distinct().limit(MAX_WORDS).toList();
	}

}
