package dev.priora.search.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;

import dev.priora.search.engine.ItemTextIndex.Segment;

/**
 * Marks where typed words (as word prefixes) occur in a text, as plain {@link Segment}s:
 * in the whole text (a title), or in the passage of a long text (a description) that
 * holds them, with "…" where text is left out. Lucene's unified highlighter, without an
 * index: the text is analyzed as it is highlighted.
 */
final class Highlights {

	private final UnifiedHighlighter whole;

	private final UnifiedHighlighter snippet;

	/** {@code words} is the analyzer that split the typed words. */
	Highlights(Analyzer words) {
		this.whole = UnifiedHighlighter.builderWithoutSearcher(words)
			.withFormatter(new SegmentFormatter())
			.withBreakIterator(WholeBreakIterator::new)
			.withMaxLength(Integer.MAX_VALUE - 1)
			.withMaxNoHighlightPassages(0)
			.withFieldMatcher(f -> true)
			.build();
		this.snippet = UnifiedHighlighter.builderWithoutSearcher(words)
			.withFormatter(new SegmentFormatter())
			.withMaxLength(Integer.MAX_VALUE - 1)
			.withMaxNoHighlightPassages(0)
			.withFieldMatcher(f -> true)
			.build();
	}

	/** The whole content with the words marked; null when none occurs. */
	List<Segment> whole(List<String> words, String content) {
		return highlight(whole, words, content);
	}

	/** The passage of the content where the words occur, marked; null when none does. */
	List<Segment> snippet(List<String> words, String content) {
		return highlight(snippet, words, content);
	}

	@SuppressWarnings("unchecked")
	private static List<Segment> highlight(UnifiedHighlighter highlighter, List<String> words, String content) {
		if (words.isEmpty() || content == null || content.isEmpty()) {
			return null;
		}
		BooleanQuery.Builder query = new BooleanQuery.Builder();
		for (String w : words) {
			query.add(new PrefixQuery(new Term("title", w)), Occur.SHOULD);
		}
		try {
			Object result = highlighter.highlightWithoutSearcher("title", query.build(), content, 1);
			return result instanceof List<?> list && !list.isEmpty() ? (List<Segment>) list : null;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Turns the highlighter's passages into plain segments (no markup). */
	private static final class SegmentFormatter extends PassageFormatter {

		@Override
		public Object format(Passage[] passages, String content) {
			List<Segment> out = new ArrayList<>();
			for (Passage p : passages) {
				int pos = p.getStartOffset();
				if (!out.isEmpty() || pos > 0) {
					out.add(new Segment(out.isEmpty() ? "… " : " … ", false));
				}
				for (int i = 0; i < p.getNumMatches(); i++) {
					int start = Math.max(pos, p.getMatchStarts()[i]);
					int end = p.getMatchEnds()[i];
					if (start > pos) {
						out.add(new Segment(content.substring(pos, start), false));
					}
					if (end > start) {
						out.add(new Segment(content.substring(start, end), true));
						pos = end;
					}
				}
				if (pos < p.getEndOffset()) {
					out.add(new Segment(content.substring(pos, p.getEndOffset()), false));
				}
				if (p.getEndOffset() < content.length() && passages.length > 0) {
					out.add(new Segment(" …", false));
				}
			}
			return out;
		}

	}

}
