package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

	private final MarkdownRenderer markdown = new MarkdownRenderer();

	@Test
	void rendersMarkdown() {
		assertThat(markdown.render("**bold** and a [link](https://example.org)")).contains("<strong>bold</strong>")
			.contains("href=\"https://example.org\">link</a>");
	}

	@Test
	void escapesRawHtmlAndDropsScriptLinks() {
		String html = markdown
			.render("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[x](javascript:alert(3))");
		assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("javascript:");
		assertThat(html).contains("&lt;script&gt;");
	}

}
