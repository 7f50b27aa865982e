package dev.priora.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aSprint;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.aTeamMember;
import static dev.priora.support.Fixtures.anEpic;
import static dev.priora.support.Fixtures.anObjective;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.RequestOptions;

import dev.priora.accounts.AccountService;
import dev.priora.feedback.PublicForms;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserTestBase;
import dev.priora.support.TestProduct;

/**
 * The defects of issue 16, each seen in real Chromium: downloads refused to the signed-in
 * browser (1), selects that relied on inline handlers the CSP blocks (2), template code
 * in the public form (3), form posts that left a URL answering 405 (8), pages wider than
 * the window and ragged rows (13), and bare or JSON answers for pages that do not exist
 * (14).
 */
class ShellBrowserTest extends BrowserTestBase {

	private static final String BASE = "/api/v1/products/SHL";

	@Autowired
	AccountService accounts;

	@Autowired
	PublicForms forms;

	private static long[] shl;

	/**
	 * SHL, made once for the class: two epics with stories, a release with two sprints, a
	 * team member, an objective. Answers the release's and the first sprint's ids.
	 */
	private static synchronized long[] product(ApiClient api) {
		if (shl == null) {
			shl = create(api);
		}
		return shl;
	}

	private static long[] create(ApiClient api) {
		TestProduct product = aProduct("SHL").named("Shell").createdBy(api);
		anEpic("Payments").in(product);
		anEpic("Search").in(product);
		for (int i = 0; i < 4; i++) {
			aStory("Story " + i).estimate(3)
				.parent("SHL-" + (1 + i % 2))
				.description("Why")
				.criteria("Works")
				.in(product);
		}
		api.post(BASE + "/items/SHL-4/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"SHL-3\"}");
		long release = aRelease("R1").capacity(40).in(product);
		long sprint = api
			.post(BASE + "/sprints",
					"{\"name\":\"Sprint A\",\"start\":\"" + LocalDate.now() + "\",\"end\":\""
							+ LocalDate.now().plusDays(13) + "\",\"capacity\":20,\"releaseId\":" + release + "}")
			.json()
			.get("id")
			.asLong();
		aSprint("Sprint B").starting(LocalDate.now().plusDays(14))
			.ending(LocalDate.now().plusDays(27))
			.capacity(20)
			.forRelease(release)
			.in(product);
		api.put(BASE + "/items/SHL-3/release", "{\"releaseId\":" + release + ",\"sprintId\":" + sprint + "}", null);
		aTeamMember("Mika Kovac").capacity(10).in(product);
		anObjective("Grow conversion").in(product);
		return new long[] { release, sprint };
	}

	@Test
	void downloadsWorkForTheSignedInBrowserWhileApiWritesStillNeedAToken() {
		long[] ids = product(api());
		signIn();
		for (String path : List.of("/p/SHL/settings", "/p/SHL/charts", "/p/SHL/sprints/" + ids[1],
				"/p/SHL/releases/" + ids[0] + "/progress")) {
			page.navigate(path);
			var links = page.locator("a[href*='.csv'], a[href$='/export']").all();
			assertThat(links).as("downloads on " + path).isNotEmpty();
			for (var link : links) {
				String href = link.getAttribute("href");
				APIResponse answer = page.request().get(href);
				assertThat(answer.status()).as(href + " for the signed-in session").isEqualTo(200);
				assertThat(answer.text()).as(href).isNotBlank();
			}
		}
		APIResponse write = page.request()
			.post(BASE + "/items",
					RequestOptions.create()
						.setHeader("Content-Type", "application/json")
						.setData("{\"type\":\"BUG\",\"title\":\"Forged from a session\"}"));
		assertThat(write.status()).as("an API write with only the session cookie").isEqualTo(401);
		assertThat(api().get(BASE + "/items?q=Forged").json().get("items")).isEmpty();
	}

	@Test
	void selectsChangeThePageWithoutInlineHandlers() {
		long[] ids = product(api());
		signIn();
		page.navigate("/p/SHL/sprints/" + ids[1]);
		noInlineHandlers();
		page.locator("#sprint-items tr[data-key=SHL-3] select[name=member]")
			.selectOption(new String[] { "Mika Kovac" });
		assertThat(page.locator(".toast")).containsText("Assigned SHL-3 to Mika Kovac.");
		assertThat(page.locator("#sprint-items tr[data-key=SHL-3] select[name=member] option[selected]"))
			.hasText("Mika Kovac");
		page.locator("#sprint-items tr[data-key=SHL-3] select[name=member]").selectOption(new String[] { "nobody" });
		assertThat(page.locator(".toast")).containsText("SHL-3 is unassigned.");
		assertThat(page.locator("#sprint-items tr[data-key=SHL-3] select[name=member] option[selected]")).hasCount(0);

		page.navigate("/p/SHL/team");
		noInlineHandlers();
		page.locator("#sprint-choice select").selectOption(new String[] { "Sprint B" });
		assertThat(page).hasURL(Pattern.compile(".*sprint=\\d+.*"));
		assertThat(page.locator("#sprint-choice select option[selected]")).hasText("Sprint B");
		page.locator("#release-choice select").selectOption(new String[] { "R1" });
		assertThat(page).hasURL(Pattern.compile(".*release=" + ids[0] + ".*"));

		page.navigate("/p/SHL/dependencies");
		noInlineHandlers();
		page.locator("#dependency-filters select[name=epic]").selectOption("SHL-1");
		assertThat(page).hasURL(Pattern.compile(".*epic=SHL-1.*"));

		page.navigate("/p/SHL/roadmap");
		noInlineHandlers();
		page.locator("#objective-filter select").selectOption(new String[] { "Grow conversion" });
		assertThat(page).hasURL(Pattern.compile(".*objective=\\d+.*"));

		page.navigate("/p/SHL/priority-map");
		noInlineHandlers();
		page.locator("#map-filters select[name=model]").selectOption(new String[] { "WSJF" });
		assertThat(page).hasURL(Pattern.compile(".*model=\\d+.*"));
		assertThat(page.locator("#map-filters select[name=model] option[selected]")).hasText("WSJF");
	}

	@Test
	void thePublicFormStartsEmptyAndKeepsWhatTheVisitorTyped() {
		String secret = forms.create("SHOP", accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
		page.navigate("/f/" + secret);
		assertThat(page.getByLabel("Subject")).hasValue("");
		assertThat(page.locator("body")).not().containsText("th:");
		page.getByLabel("What would help you?").fill("Pay in instalments");
		page.locator("#public-form button[type=submit]").click();
		assertThat(page.locator("#thanks")).isVisible();
		assertThat(page).hasURL(Pattern.compile(".*/f/" + secret + "\\?sent$"));
		var latest = api().get("/api/v1/products/SHOP/feedback?status=NEW&limit=50").json();
		boolean found = false;
		for (var f : latest.get("feedback")) {
			if ("Pay in instalments".equals(f.get("text").asText())) {
				assertThat(f.get("title").asText()).isEmpty();
				found = true;
			}
		}
		assertThat(found).as("the feedback arrived").isTrue();
	}

	@Test
	void formPostsRedirectSoAReloadNeitherFailsNorPostsAgain() {
		long[] ids = product(api());
		signIn();
		page.navigate("/p/SHL/releases");
		page.locator("[data-dialog-open=new-sprint]").click();
		page.locator("#new-sprint input[name=name]").fill("Sprint C");
		page.locator("#new-sprint input[name=start]").fill(LocalDate.now().plusDays(28).toString());
		page.locator("#new-sprint input[name=end]").fill(LocalDate.now().plusDays(41).toString());
		page.locator("#new-sprint button[type=submit]").click();
		assertThat(page.locator(".toast")).containsText("Sprint C added.");
		assertThat(page).hasURL(Pattern.compile(".*/p/SHL/releases$"));
		page.waitForLoadState();
		int sprints = page.locator("#sprints tbody tr").count();
		reloadsFine();
		assertThat(page.locator("#sprints tbody tr")).hasCount(sprints);

		page.navigate("/p/SHL/sprints/" + ids[1]);
		if (page.locator("#start-sprint").count() > 0) {
			page.locator("#start-sprint button").click();
			assertThat(page.locator(".toast")).containsText("Sprint started.");
		}
		assertThat(page).hasURL(Pattern.compile(".*/p/SHL/sprints/" + ids[1] + "$"));
		reloadsFine();
		assertThat(page.locator("#sprint-state")).hasText("active");

		page.navigate("/p/SHL/roadmap");
		page.locator("#share-form button").click();
		assertThat(page.locator("#new-roadmap-link code")).containsText("/r/");
		assertThat(page).hasURL(Pattern.compile(".*/p/SHL/roadmap$"));
		page.waitForLoadState();
		int links = page.locator("#roadmap-links > li").count();
		assertThat(links).isPositive();
		reloadsFine();
		assertThat(page.locator("#roadmap-links > li")).hasCount(links);
		assertThat(page.locator("#new-roadmap-link")).hasCount(0);
	}

	@Test
	void pagesFitTheWindowWithOneLineOfNavigationAndAlignedRows() {
		long[] ids = product(api());
		signIn();
		page.setViewportSize(1440, 900);
		for (String path : List.of("/p/SHOP/releases", "/p/SHOP/scoring/models", "/p/SHOP/feedback", "/p/SHOP/backlog",
				"/p/SHL/releases")) {
			page.navigate(path);
			assertThat(page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
				.as("no sideways scrolling on " + path)
				.isEqualTo(true);
			assertThat(
					page.evaluate("Array.from(document.querySelectorAll('.nav-link')).every(a => a.offsetHeight < 40)"))
				.as("every navigation entry on one line on " + path)
				.isEqualTo(true);
		}
		page.navigate("/p/SHOP/feedback");
		assertThat(page.evaluate("""
				new Set(Array.from(document.querySelectorAll('#inbox-rows li.feedback time.when'))
				  .map(t => Math.round(t.getBoundingClientRect().right))).size""")).as("received dates right-aligned")
			.isEqualTo(1);
		assertThat(page.evaluate("""
				Array.from(document.querySelectorAll('#inbox-rows li.feedback time.when'))
				  .every(t => t.getBoundingClientRect().height < 24)""")).as("dates on one line").isEqualTo(true);
		page.navigate("/p/SHL/releases");
		assertThat(page.locator("#board .board-column[data-release='" + ids[0] + "'] .capacity")).hasText("3 / 40 pts");
		page.navigate("/p/SHOP/items/SHOP-5");
		assertThat(page.locator("#demand")).not().containsText("1 customers");
		assertThat(page.locator("body")).not().containsText(Pattern.compile("\\d\\.\\d\\d points"));
	}

	@Test
	void missingPagesAnswerAnHtmlPageInTheShellWhileTheApiKeepsProblemJson() {
		signIn();
		Response unknown = page.navigate("/p/NOPE/backlog");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.headerValue("content-type")).startsWith("text/html");
		assertThat(page.locator("main h1")).hasText("Not found");
		assertThat(page.locator("#sidebar")).isVisible();
		assertThat(page.navigate("/p/SHOP/items/SHOP-9999").status()).isEqualTo(404);
		assertThat(page.locator("main h1")).hasText("Not found");
		assertThat(page.navigate("/no/such/page").status()).isEqualTo(404);
		assertThat(page.locator("main h1")).hasText("Not found");

		var api = api().get("/api/v1/products/NOPE");
		assertThat(api.status()).isEqualTo(404);
		assertThat(api.isProblem()).isTrue();

		var docs = api().get("/v3/api-docs").json().get("info");
		assertThat(docs.get("title").asText()).isEqualTo("Priora API");
		assertThat(docs.get("version").asText()).isNotBlank().isNotEqualTo("v0");
		assertThat(docs.get("description").asText()).contains("/api/v1");
		for (var icon : Map.of("/favicon.ico", "image/", "/favicon.svg", "image/svg").entrySet()) {
			APIResponse r = page.request().get(icon.getKey());
			assertThat(r.status()).as(icon.getKey()).isEqualTo(200);
			assertThat(r.headers().get("content-type")).as(icon.getKey()).startsWith(icon.getValue());
		}
	}

	private void reloadsFine() {
		Response again = page.reload();
		assertThat(again.status()).as("reload of " + page.url()).isLessThan(400);
		assertThat(again.request().method()).isEqualTo("GET");
	}

	private void noInlineHandlers() {
		assertThat(page.evaluate("Array.from(document.querySelectorAll('*')).filter(e => Array.from(e.attributes)"
				+ ".some(a => /^on/i.test(a.name))).length"))
			.as("inline handlers on " + page.url())
			.isEqualTo(0);
	}

	static String path(Page page) {
		return page.url().replaceFirst("^https?://[^/]+", "");
	}

}
