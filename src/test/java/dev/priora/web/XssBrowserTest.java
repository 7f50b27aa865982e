package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;

/**
 * Feeds known XSS payloads through the API and the UI into every kind of user text
 * (product name and vision, item titles, Markdown descriptions, acceptance criteria, user
 * names, token names) and opens every page that shows them in real Chromium: no payload
 * may run.
 */
class XssBrowserTest extends BrowserTestBase {

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	private static final List<String> PAYLOADS = List.of("<script>window.__xss=1</script>",
			"\"><img src=x onerror=\"window.__xss=2\">", "<svg onload=window.__xss=3>",
			"'\"--></style></script><script>window.__xss=4</script>",
			"<iframe src=\"javascript:window.__xss=5\"></iframe>", "<a href=\"javascript:window.__xss=6\">click</a>",
			"[md link](javascript:window.__xss=7)", "<details open ontoggle=window.__xss=8>",
			"<body onload=window.__xss=9>", "{{7*7}} ${7*7} [[${7*7}]]",
			"<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=10>");

	@Test
	void noPayloadRunsOnAnyPage() {
		ApiClient admin = api();
		String all = String.join("\n\n", PAYLOADS);
		admin.post("/api/v1/products", ApiClient
			.json(java.util.Map.of("key", "XSS", "name", "<img src=x onerror=window.__xss=11>", "vision", all)));
		List<String> items = new ArrayList<>();
		for (String payload : PAYLOADS) {
			String title = payload.replace("\n", " ");
			var created = admin.post("/api/v1/products/XSS/items",
					ApiClient.json(java.util.Map.of("type", "STORY", "title",
							title.length() > 300 ? title.substring(0, 300) : title, "description", all,
							"acceptanceCriteria", List.of(java.util.Map.of("statement", payload)))));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
			items.add(created.json().get("key").asText());
		}
		admin.post("/api/v1/products/XSS/items/" + items.get(0) + "/dependencies",
				"{\"kind\":\"DEPENDS_ON\",\"target\":\"" + items.get(1) + "\"}");
		// a second user whose name and token name are payloads, shown on the members and
		// admin pages
		accounts.createUser("xss@browser.test", "<script>window.__xss=12</script>", "a long password", false);
		roles.grant("XSS", "xss@browser.test", ProductRole.MEMBER,
				accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		ApiClient.signIn(port, "xss@browser.test", "a long password")
			.post("/api/v1/tokens", ApiClient.json(java.util.Map.of("name", "<img src=x onerror=window.__xss=13>")));

		List<String> dialogs = new ArrayList<>();
		page.onDialog(d -> {
			dialogs.add(d.message());
			d.dismiss();
		});
		signIn();
		page.navigate("/p/XSS/backlog");
		page.locator("#new-title").fill("<img src=x onerror=window.__xss=14>");
		page.locator("#new-title").press("Enter");
		page.locator("p.notice").waitFor();
		List<String> pages = new ArrayList<>(
				List.of("/p/XSS/backlog", "/p/XSS/backlog?q=%3Cscript%3E", "/p/XSS/settings", "/p/XSS/members",
						"/products", "/account", "/account/tokens", "/admin/users", "/admin/audit"));
		items.forEach(i -> pages.add("/p/XSS/items/" + i));
		for (String path : pages) {
			page.navigate(path);
			page.waitForLoadState();
			assertThat(page.evaluate("window.__xss === undefined")).as("payload ran on " + path).isEqualTo(true);
			assertThat(page.content()).as(path).doesNotContain("<script>window.__xss");
			// independent of the Content-Security-Policy, which would block these anyway:
			// nothing was injected
			assertThat(page.evaluate("""
					Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)
					  .some(a => a.name.startsWith('on') || /^\\s*javascript:/i.test(a.value))).length""")).as(path)
				.isEqualTo(0);
			// the inline SVGs of our own: the bell and the search magnifier in the layout
			assertThat(page.locator("iframe, svg:not(.bell-icon):not(.search-icon), math, object, embed").count())
				.as(path)
				.isZero();
		}
		assertThat(page.locator("body").textContent()).isNotEmpty();
		page.navigate("/p/XSS/items/" + items.get(0));
		assertThat(page.locator("#item-title").textContent()).isEqualTo("<script>window.__xss=1</script>");
		assertThat(dialogs).isEmpty();
	}

}
