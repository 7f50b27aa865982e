package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.ColorScheme;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;

/**
 * Every role of the demo product walks every page its navigation reaches, breadth-first
 * over same-site links (bounded: one page per kind of address), in real Chromium at 1280
 * px: no console error or CSP violation, no inline handler, no sideways scrolling, no
 * answer of 400 or more on a link the role is shown, every CSV or export link downloads
 * with the session, and no template code in the text or in a field. Each role also posts
 * a harmless form and reloads where it lands. Full-page screenshots go to
 * {@code target/screenshots/<role>/} (the owner also at 1920 px and in dark mode).
 */
class ShellSweepBrowserTest extends dev.priora.support.BrowserTestBase {

	/**
	 * The owner sees every kind of page; the other roles see the same templates with less
	 * on them.
	 */
	private static final int MAX_PAGES_OWNER = 42;

	private static final int MAX_PAGES_OTHERS = 23;

	private static final List<String> TEMPLATE_CODE = List.of("th:", "${", "*{", "#{", "__${");

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	@Test
	void everyRoleSeesWorkingPagesThatFitTheWindow() {
		var admin = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
		List<String> problems = new ArrayList<>();
		for (ProductRole role : List.of(ProductRole.OWNER, ProductRole.MANAGER, ProductRole.MEMBER,
				ProductRole.STAKEHOLDER, ProductRole.VIEWER)) {
			String name = role.name().toLowerCase();
			String email = "sweep-" + name + "@sweep.test";
			if (accounts.findByEmail(email).isEmpty()) {
				accounts.createUser(email, "Sweep " + role.label(), "sweep password " + name, false);
				roles.grant("SHOP", email, role, admin);
			}
			BrowserContext ctx = newContext();
			// the first feedback page loads the sentence model and builds the product's
			// index
			ctx.setDefaultNavigationTimeout(90_000);
			try {
				Page p = ctx.newPage();
				p.setViewportSize(1280, 900);
				signIn(p, email, "sweep password " + name);
				problems.addAll(walk(p, name, role == ProductRole.OWNER));
				problems.addAll(postAndReload(p, role));
			}
			finally {
				ctx.close();
			}
		}
		assertThat(problems).isEmpty();
	}

	private static void signIn(Page p, String email, String password) {
		p.navigate("/login");
		p.locator("input[name=username]").fill(email);
		p.locator("input[name=password]").fill(password);
		p.locator("main button[type=submit]").click();
		p.waitForURL("**/p/SHOP/backlog");
	}

	/**
	 * Breadth-first over the role's same-site links; answers what is wrong, page by page.
	 */
	private List<String> walk(Page p, String role, boolean owner) {
		List<String> problems = new ArrayList<>();
		List<String> console = new ArrayList<>();
		p.onConsoleMessage(m -> {
			if ("error".equals(m.type())) {
				console.add(m.text());
			}
		});
		p.onPageError(e -> console.add("page error: " + e));
		Deque<String> queue = new ArrayDeque<>(List.of("/p/SHOP/backlog"));
		Set<String> seen = new LinkedHashSet<>();
		Map<String, Integer> kinds = new HashMap<>();
		int visited = 0;
		int max = owner ? MAX_PAGES_OWNER : MAX_PAGES_OTHERS;
		while (!queue.isEmpty() && visited < max) {
			String path = queue.poll();
			if (!seen.add(path) || kinds.merge(kind(path), 1, Integer::sum) > 1) {
				continue;
			}
			visited++;
			console.clear();
			Response r = p.navigate(path);
			settle(p);
			String where = role + " " + path + ": ";
			if (r == null || r.status() >= 400) {
				problems.add(where + "answered " + (r == null ? "nothing" : r.status()));
				continue;
			}
			console.forEach(c -> problems.add(where + "console: " + c));
			if (!Boolean.TRUE.equals(p.evaluate("Array.from(document.querySelectorAll('*')).every(e => "
					+ "Array.from(e.attributes).every(a => !/^on/i.test(a.name)))"))) {
				problems.add(where + "an inline on* handler");
			}
			if (Boolean.TRUE
				.equals(p.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"))) {
				problems.add(where + "scrolls sideways at 1280 px");
			}
			if (Boolean.TRUE.equals(p.evaluate("Array.from(document.querySelectorAll('.list > li.row, .list-head'))"
					+ ".some(r => r.scrollWidth > r.clientWidth + 1)"))) {
				problems.add(where + "a list row is wider than its list");
			}
			String text = (String) p.evaluate("document.body.innerText + ' ' + Array.from(document.querySelectorAll"
					+ "('input, textarea')).map(i => i.value).join(' ')");
			TEMPLATE_CODE.stream().filter(text::contains).forEach(t -> problems.add(where + "template code " + t));
			for (Object href : (List<?>) p.evaluate("Array.from(document.querySelectorAll(\"a[href*='.csv'], "
					+ "a[href$='/export'], a[download]\")).map(a => a.getAttribute('href'))")) {
				APIResponse d = p.request().get(href.toString());
				if (d.status() != 200) {
					problems.add(where + "download " + href + " answered " + d.status());
				}
			}
			shoot(p, role, path, 1280, null);
			if (owner) {
				shoot(p, role, path, 1920, null);
			}
			for (Object href : (List<?>) p.evaluate("Array.from(document.querySelectorAll('a[href]'))"
					+ ".filter(a => !a.hasAttribute('download')).map(a => a.getAttribute('href'))")) {
				String link = href.toString();
				if (followable(link)) {
					queue.add(link.replaceFirst("#.*$", ""));
				}
			}
		}
		if (owner) {
			for (String path : List.of("/p/SHOP/backlog", "/p/SHOP/feedback", "/p/SHOP/items/SHOP-4",
					"/p/SHOP/releases", "/p/SHOP/priority-map", "/p/SHOP/settings")) {
				p.navigate(path);
				shoot(p, role, path, 1280, ColorScheme.DARK);
			}
			p.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
		}
		assertThat(visited).as(role + " pages visited").isGreaterThan(12);
		return problems;
	}

	/**
	 * Waits until the parts htmx loads after the page (demand, scores) replaced their
	 * placeholders; polled from here, because the page's CSP forbids the evaluated
	 * predicates of waitForFunction.
	 */
	private static void settle(Page p) {
		for (int i = 0; i < 50 && Boolean.TRUE
			.equals(p.evaluate("!!document.querySelector('[hx-trigger=load], .htmx-request')")); i++) {
			p.waitForTimeout(100);
		}
	}

	/**
	 * Where links lead inside the app, leaving out sign-out, the API (fetched as
	 * downloads) and other sites.
	 */
	private static boolean followable(String link) {
		return link.startsWith("/") && !link.startsWith("//") && !link.startsWith("/api/")
				&& !link.startsWith("/logout") && !link.startsWith("/swagger-ui") && !link.startsWith("/v3/")
				&& !link.startsWith("/r/") && !link.startsWith("/f/") && !link.contains("cursor=");
	}

	/**
	 * Addresses of one kind share a page template: /p/SHOP/items/SHOP-4 and SHOP-7 are
	 * one kind.
	 */
	static String kind(String path) {
		return path.replaceAll("[A-Z][A-Z0-9]{1,9}-\\d+", "{item}").replaceAll("\\d+", "{n}");
	}

	private static void shoot(Page p, String role, String path, int width, ColorScheme scheme) {
		if (width != 1280) {
			p.setViewportSize(width, 900);
		}
		if (scheme != null) {
			p.emulateMedia(new Page.EmulateMediaOptions().setColorScheme(scheme));
		}
		String name = path.replaceFirst("^/p/SHOP/", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
		String file = (name.isEmpty() ? "home" : name) + (width == 1280 ? "" : "-" + width)
				+ (scheme == null ? "" : "-dark") + ".png";
		p.screenshot(new Page.ScreenshotOptions().setPath(Path.of("target/screenshots", role, file)).setFullPage(true));
		if (width != 1280) {
			p.setViewportSize(1280, 900);
		}
	}

	/**
	 * A harmless form for the role (a product comment, or saving the settings unchanged):
	 * after the post the browser shows a GET page, and reloading it neither fails nor
	 * posts.
	 */
	private static List<String> postAndReload(Page p, ProductRole role) {
		List<String> problems = new ArrayList<>();
		if (role == ProductRole.VIEWER) {
			return problems;
		}
		boolean owner = role == ProductRole.OWNER;
		p.navigate(owner ? "/p/SHOP/settings" : "/p/SHOP/roadmap");
		if (owner) {
			p.locator("#product-settings button[type=submit]").click();
		}
		else {
			p.locator("#comment-form textarea[name=body]").fill("Sweep comment by " + role.label());
			p.locator("#comment-form button[type=submit]").click();
		}
		p.locator(".toast").first().waitFor();
		p.waitForLoadState();
		int comments = p.locator("#comment-list li").count();
		Response again = p.reload();
		String where = role.label() + " after a post to " + p.url() + ": ";
		if (again.status() >= 400 || !"GET".equals(again.request().method())) {
			problems.add(where + "reload answered " + again.status() + " to " + again.request().method());
		}
		if (p.locator("#comment-list li").count() != comments) {
			problems.add(where + "the reload posted the comment again");
		}
		return problems;
	}

}
