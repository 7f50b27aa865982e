package dev.priora.portal.web;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.springframework.stereotype.Component;

import dev.priora.backlog.web.MarkdownRenderer;
import dev.priora.portal.ChangelogEntry;
import dev.priora.portal.PortalSettings;

/**
 * The changelog as an RSS 2.0 or Atom 1.0 feed, written by ROME: one entry per release's
 * published notes, their Markdown rendered to HTML the way the page renders it (HTML
 * typed in the notes escaped).
 */
@Component
class ChangelogFeeds {

	static final String RSS = "rss_2.0";

	static final String ATOM = "atom_1.0";

	private final MarkdownRenderer markdown;

	ChangelogFeeds(MarkdownRenderer markdown) {
		this.markdown = markdown;
	}

	/** The feed of {@code type} for the portal whose pages start at {@code base}. */
	String write(PortalSettings portal, List<ChangelogEntry> entries, String base, String type) {
		SyndFeed feed = new SyndFeedImpl();
		feed.setFeedType(type);
		feed.setTitle(portal.title() + " · Changelog");
		feed.setLink(base + "/changelog");
		feed.setUri(base + "/changelog");
		feed.setDescription("What is new in " + portal.title());
		feed.setPublishedDate(entries.isEmpty() ? new Date(0) : Date.from(entries.get(0).publishedAt()));
		List<SyndEntry> items = new ArrayList<>();
		for (ChangelogEntry e : entries) {
			SyndEntry entry = new SyndEntryImpl();
			entry.setTitle(e.release());
			entry.setLink(base + "/changelog#release-" + e.releaseId());
			entry.setUri(base + "/changelog#release-" + e.releaseId());
			entry.setPublishedDate(Date.from(e.publishedAt()));
			entry.setUpdatedDate(Date.from(e.publishedAt()));
			SyndContent content = new SyndContentImpl();
			content.setType("text/html");
			content.setValue(markdown.render(e.markdown()));
			entry.setDescription(content);
			items.add(entry);
		}
		feed.setEntries(items);
		try {
			return new SyndFeedOutput().outputString(feed);
		}
		catch (FeedException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}

}
