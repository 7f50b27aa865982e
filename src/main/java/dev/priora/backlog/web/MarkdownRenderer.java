package dev.priora.backlog.web;

import java.util.List;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Renders item descriptions: CommonMark with tables, raw HTML escaped (so no script
 * survives) and link targets limited to safe schemes.
 */
@Component
public class MarkdownRenderer {

	private final Parser parser;

	private final HtmlRenderer renderer;

	MarkdownRenderer() {
		List<Extension> extensions = List.of(TablesExtension.create());
		this.parser = Parser.builder().extensions(extensions).build();
		this.renderer = HtmlRenderer.builder().extensions(extensions).escapeHtml(true).sanitizeUrls(true).build();
	}

	public String render(String markdown) {
		return markdown == null || markdown.isBlank() ? "" : renderer.render(parser.parse(markdown));
	}

}
