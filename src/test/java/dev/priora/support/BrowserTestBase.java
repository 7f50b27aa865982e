package dev.priora.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Real headless Chromium (Debian's {@code /usr/bin/chromium}) driven by Playwright
 * against the real server. Without Chromium the tests are skipped with a message, unless
 * {@code PRIORA_REQUIRE_BROWSER=1} makes that a failure.
 */
public abstract class BrowserTestBase extends IntegrationTestBase {

	private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("PRIORA_CHROMIUM", "/usr/bin/chromium"));

	private static Playwright playwright;

	private static Browser browser;

	protected BrowserContext context;

	protected Page page;

	@BeforeAll
	static void launchBrowser() {
		if (!Files.isExecutable(CHROMIUM)) {
			String message = "Browser tests need Chromium at " + CHROMIUM
					+ " (Debian: apt-get install chromium); skipping them.";
			if ("1".equals(System.getenv("PRIORA_REQUIRE_BROWSER"))) {
				fail(message + " PRIORA_REQUIRE_BROWSER=1 makes this a failure.");
			}
			Assumptions.abort(message);
		}
		playwright = Playwright
			.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
		browser = playwright.chromium()
			.launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
				.setHeadless(true)
				.setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
						"--disable-component-update", "--disable-sync")));
	}

	@AfterAll
	static void closeBrowser() {
		if (playwright != null) {
			playwright.close();
			playwright = null;
		}
	}

	/** A second, independent browser session (its own cookies), closed by the caller. */
	protected BrowserContext newContext() {
		BrowserContext c = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://127.0.0.1:" + port));
		c.setDefaultTimeout(15_000);
		return c;
	}

	/**
	 * A second, independent browser session with the given options (a user agent, a
	 * viewport) on this server, closed by the caller.
	 */
	protected BrowserContext newContext(Browser.NewContextOptions options) {
		BrowserContext c = browser.newContext(options.setBaseURL("http://127.0.0.1:" + port));
		c.setDefaultTimeout(15_000);
		return c;
	}

	/**
	 * A second, independent browser session on another base URL, e.g.
	 * {@code http://localhost:<port>} where a page needs a domain, closed by the caller.
	 */
	protected BrowserContext newContext(String baseUrl) {
		BrowserContext c = browser.newContext(new Browser.NewContextOptions().setBaseURL(baseUrl));
		c.setDefaultTimeout(15_000);
		return c;
	}

	/** Server errors (5xx) the browser received, pages and htmx requests alike. */
	private final List<String> serverErrors = new java.util.concurrent.CopyOnWriteArrayList<>();

	@BeforeEach
	void openContext() {
		serverErrors.clear();
		context = browser.newContext(new Browser.NewContextOptions().setBaseURL("http://127.0.0.1:" + port));
		context.setDefaultTimeout(15_000);
		context.onResponse(r -> {
			if (r.status() >= 500) {
				serverErrors.add(r.status() + " " + r.request().method() + " " + r.url());
			}
		});
		page = context.newPage();
	}

	/**
	 * A page that answered with a server error fails the test, even if nothing else
	 * looked at it.
	 */
	@AfterEach
	void closeContext() {
		if (context != null) {
			context.close();
		}
		org.assertj.core.api.Assertions.assertThat(serverErrors).as("server errors while the test ran").isEmpty();
	}

	/**
	 * A full-page screenshot of the current page in
	 * {@code target/screenshots/<name>.png}, to look at.
	 */
	protected void screenshot(String name) {
		page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions().setFullPage(true)
			.setPath(java.nio.file.Path.of("target/screenshots", name + ".png")));
	}

	protected void signIn() {
		page.navigate("/login");
		page.getByLabel("Email").fill(ADMIN_EMAIL);
		page.getByLabel("Password").fill(ADMIN_PASSWORD);
		page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
				new Page.GetByRoleOptions().setName("Sign in").setExact(true))
			.click();
		page.waitForURL("**/backlog");
	}

}
