package dev.priora.backlog.web;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Renders item descriptions and comments: CommonMark with tables, raw HTML escaped (so no
 * script survives), and only http, https, mailto and relative link targets (images: http,
 * https and relative); any other target — {@code javascript:}, {@code data:},
 * {@code vbscript:}, … in any case, behind entities, tabs or newlines — is dropped, and
 * its link or image renders without one. The one Markdown renderer of every page (item
 * texts, comments, release notes), so other features may use it.
 */
@Component
@NamedInterface("markdown")
public class MarkdownRenderer {

	private static final Set<String> LINK_SCHEMES = Set.of("http", "https", "mailto");

	private static final Set<String> IMAGE_SCHEMES = Set.of("http", "https");

	private final Parser parser;

	private final HtmlRenderer renderer;

	MarkdownRenderer() {
		List<Extension> extensions = List.of(TablesExtension.create());
		this.parser = Parser.builder().extensions(extensions).build();
		this.renderer = HtmlRenderer.builder()
			.extensions(extensions)
			.escapeHtml(true)
			.sanitizeUrls(true)
			.urlSanitizer(new UrlSanitizer() {
				@Override
				public String sanitizeLinkUrl(String url) {
					return safe(url, LINK_SCHEMES);
				}

				@Override
				public String sanitizeImageUrl(String url) {
					return safe(url, IMAGE_SCHEMES);
				}
			})
			.attributeProviderFactory(context -> (node, tag, attributes) -> {
				if (node instanceof Link && "".equals(attributes.get("href"))) {
					attributes.remove("href");
				}
				if (node instanceof Image && "".equals(attributes.get("src"))) {
					attributes.remove("src");
				}
			})
			.build();
	}

	public String render(String markdown) {
		return markdown == null || markdown.isBlank() ? "" : renderer.render(parser.parse(markdown));
	}

	/**
	 * The URL as a browser reads it (tabs and newlines removed, control characters and
	 * spaces stripped at both ends) when it is relative or its scheme is allowed; ""
	 * otherwise. A colon before the first '/', '\', '?' or '#' starts a scheme.
	 */
	static String safe(String url, Set<String> schemes) {
		String u = url.replaceAll("[\\t\\n\\r]", "");
		int start = 0;
		int end = u.length();
		while (start < end && u.charAt(start) <= ' ') {
			start++;
		}
		while (end > start && u.charAt(end - 1) <= ' ') {
			end--;
		}
		u = u.substring(start, end);
		for (int i = 0; i < u.length(); i++) {
			char c = u.charAt(i);
			if (c == '/' || c == '\\' || c == '?' || c == '#') {
				return u;
			}
			if (c == ':') {
				return schemes.contains(u.substring(0, i).toLowerCase(Locale.ROOT)) ? u : "";
			}
		}
		return u;
	}

}
