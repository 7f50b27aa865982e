package dev.priora.backlog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	@ParameterizedTest
	@ValueSource(strings = { "[x](data:text/html,<script>alert(1)</script>)",
			"[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "[x](DATA:text/html,hi)",
			"[x](DaTa:text/html,hi)", "[x](&#100;ata:text/html,hi)", "[x](&#x64;ata:text/html,hi)",
			"[x](&#68;ATA:text/html,hi)", "[x](<java\tscript:alert(1)>)", "[x](<java&#9;script:alert(1)>)",
			"[x](<java&#x0A;script:alert(1)>)", "[x](JAVASCRIPT:alert(1))", "[x](jav&#97;script:alert(1))",
			"[x](< javascript:alert(1)>)", "[x](\u0001javascript:alert(1))", "[x](vbscript:msgbox(1))",
			"[x](file:///etc/passwd)", "<data:text/html,hi>", "<javascript:alert(1)>",
			"[x][r]\n\n[r]: data:text/html,hi", "![x](data:image/svg+xml,<svg onload=alert(1)>)",
			"![x](javascript:alert(1))", "![x](mailto:a@b.c)" })
	void dropsEveryTargetThatIsNotHttpHttpsMailtoOrRelative(String text) {
		String html = markdown.render(text);
		assertThat(html).as(text)
			.doesNotContainPattern("(?i)(href|src)=\"[^\"]*(data|script|file|mailto):")
			.doesNotContain("href=\"\"")
			.doesNotContain("src=\"\"");
	}

	@Test
	void keepsHttpHttpsMailtoAndRelativeLinks() {
		assertThat(markdown.render("[a](http://example.org/x?y=1#z)")).contains("href=\"http://example.org/x?y=1#z\"");
		assertThat(markdown.render("[a](HTTPS://example.org)")).contains("href=\"HTTPS://example.org\"");
		assertThat(markdown.render("[a](mailto:po@example.org)")).contains("href=\"mailto:po@example.org\"");
		assertThat(markdown.render("[a](/p/SHOP/items/SHOP-1)")).contains("href=\"/p/SHOP/items/SHOP-1\"");
		assertThat(markdown.render("[a](SHOP-2)")).contains("href=\"SHOP-2\"");
		assertThat(markdown.render("[a](#criteria)")).contains("href=\"#criteria\"");
		assertThat(markdown.render("[a](./notes:1)")).contains("href=\"./notes:1\"");
		assertThat(markdown.render("![logo](https://example.org/logo.png)"))
			.contains("src=\"https://example.org/logo.png\"");
		assertThat(markdown.render("[dropped](data:text/html,hi)")).contains("<a rel=\"nofollow\">dropped</a>");
	}

}
