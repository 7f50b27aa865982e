package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.server.PathContainer;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;

import com.sun.net.httpserver.HttpServer;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.feedback.PublicForms;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.DatabaseSnapshot;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.Routes;
import dev.priora.web.CrossProductRequests.BodyRequest;
import dev.priora.web.CrossProductRequests.Send;

/**
 * Every route that names a product and an object, called under product A with product B's
 * objects (one object at a time, and all of them), as a caller who may see both (the
 * owner of both, and the workspace admin): each answers 404 and nothing in the database
 * changes. Requests under A whose body or query names B's objects are refused (400 or
 * 404; a page may show the refusal inline) and change nothing. No answer holds any of B's
 * texts. A route with an object in its path and no row in
 * {@link CrossProductRequests#PATH} fails the build.
 * <p>
 * The test has a context (and so a database) of its own, so that no other test's
 * background work changes rows while it compares them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "priora.test.context=cross-product-sweep")
class CrossProductSweepIntegrationTest extends IntegrationTestBase {

	static final String NOT_FOUND = "https://priora.dev/problems/not-found";

	private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)(?::[^}]*)?\\}");

	private static final Pattern TEMPLATE = Pattern.compile("\\$\\{(?:(B|OBJ)\\.)?([A-Z_0-9]+)\\}");

	/**
	 * Path variables that name no object: the product, and choices. Every other variable
	 * names an object, so a route with a new one needs a row (and a {@link #token}).
	 */
	private static final Set<String> NOT_OBJECTS = Set.of("productKey", "key", "kind", "index", "action", "source",
			"week", "table", "position");

	private static final String B_MARKER = "bravo-only";

	/** Names of body fields that name an object (an external id names none of ours). */
	private static final Pattern OBJECT_FIELD = Pattern
		.compile("(?!externalId$)(.*Id|.*Ids|ids|item|target|parent|into|objectives|releases|must.*|fixed.*|values)");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountService accounts;

	@Autowired
	PublicForms forms;

	@Autowired
	DataSource dataSource;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	dev.priora.portal.Portals portals;

	@Autowired
	dev.priora.portal.Ideas ideas;

	private HttpServer receiver;

	private Map<String, String> a;

	private Map<String, String> b;

	/** Who may see both products: the owner of both, and the workspace admin. */
	private final Map<String, ApiClient> api = new LinkedHashMap<>();

	private final Map<String, BrowserlessSession> ui = new LinkedHashMap<>();

	@BeforeAll
	void seed() throws Exception {
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		receiver.start();
		String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
		ApiClient admin = api();
		assertThat(admin.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null).status()).isEqualTo(200);
		UserId both = accounts.createUser("both@sweep.test", "Owner of both", "password-both", false);
		UserId alphaViewer = accounts.createUser("alpha-viewer@sweep.test", "A viewer", "password-alpha", false);
		UserId bravoViewer = accounts.createUser("bravo-viewer@sweep.test", "B viewer", "password-bravo", false);
		accounts.createUser("nobody@sweep.test", "Nobody", "password-nobody", false);
		ApiClient owner = ApiClient.signIn(port, "both@sweep.test", "password-both");
		a = ProductObjects.seed(owner, "SWA", "alpha-only", hook, "alpha-viewer@sweep.test", alphaViewer, forms, both);
		b = ProductObjects.seed(owner, "SWB", B_MARKER, hook, "bravo-viewer@sweep.test", bravoViewer, forms, both);
		a.put("IDEA", String.valueOf(PortalMatrixRows.idea(jdbc, portals, ideas, "SWA", "alpha-only")));
		b.put("IDEA", String.valueOf(PortalMatrixRows.idea(jdbc, portals, ideas, "SWB", B_MARKER)));
		a.put("COMMENT", String.valueOf(PortalMatrixRows.comment(jdbc, Long.parseLong(a.get("IDEA")), "alpha-only")));
		b.put("COMMENT", String.valueOf(PortalMatrixRows.comment(jdbc, Long.parseLong(b.get("IDEA")), B_MARKER)));
		a.put("REPLY", String.valueOf(PortalMatrixRows.reply(jdbc, Long.parseLong(a.get("IDEA")), "alpha-only")));
		b.put("REPLY", String.valueOf(PortalMatrixRows.reply(jdbc, Long.parseLong(b.get("IDEA")), B_MARKER)));
		assertThat(
				owner.post("/api/v1/products/SWA/sprints/" + a.get("SPRINT") + "/start", "{\"force\":true}").status())
			.as("A's sprint runs, so that closing it reaches the next sprint's check")
			.isEqualTo(200);
		api.put("owner of both", owner);
		api.put("admin", admin);
		ui.put("owner of both", BrowserlessSession.signIn(port, "both@sweep.test", "password-both"));
		ui.put("admin", BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD));
	}

	@AfterAll
	void stopReceiver() {
		api().put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
		receiver.stop(0);
	}

	/** The routes whose path names a product and an object of it. */
	private List<String> objectRoutes() {
		return Routes.of(mappings)
			.stream()
			.filter(r -> r.contains("{productKey}") || r.contains("{key}"))
			.filter(r -> !objects(Routes.pattern(r)).isEmpty())
			.toList();
	}

	@Test
	void everyRouteWithAnObjectInItsPathIsInTheSweep() {
		Set<String> missing = new TreeSet<>(objectRoutes());
		missing.removeAll(CrossProductRequests.PATH.keySet());
		assertThat(missing).as("routes naming an object without a row in CrossProductRequests.PATH").isEmpty();
		Set<String> stale = new TreeSet<>(CrossProductRequests.PATH.keySet());
		stale.removeAll(objectRoutes());
		assertThat(stale).as("rows for routes that do not exist (or name no object)").isEmpty();
		assertThat(objectRoutes()).hasSizeGreaterThan(100);
	}

	/**
	 * Every field of a JSON body that names an object (an id, ids, an item, a target, a
	 * parent …) is sent with another product's object by a row of
	 * {@link CrossProductRequests#BODY}.
	 */
	@Test
	void everyBodyFieldNamingAnObjectIsInTheSweep() {
		Set<String> missing = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, handler) -> {
			for (var parameter : handler.getMethodParameters()) {
				Class<?> body = parameter.getParameterType();
				if (!parameter.hasParameterAnnotation(RequestBody.class) || !body.isRecord()) {
					continue;
				}
				for (var component : body.getRecordComponents()) {
					if (!OBJECT_FIELD.matcher(component.getName()).matches()) {
						continue;
					}
					for (String pattern : info.getPatternValues()) {
						for (var method : info.getMethodsCondition().getMethods()) {
							String field = method.name() + " " + pattern + " " + component.getName();
							if (pattern.contains("{productKey}") && !CrossProductRequests.NO_OBJECT.containsKey(field)
									&& !hasBodyRow(method.name(), pattern, component.getName())) {
								missing.add(field);
							}
						}
					}
				}
			}
		});
		assertThat(missing).as("body fields naming an object without a row in CrossProductRequests.BODY").isEmpty();
	}

	private boolean hasBodyRow(String method, String pattern, String field) {
		var route = PathPatternParser.defaultInstance.parse(pattern);
		return CrossProductRequests.BODY.stream()
			.anyMatch(r -> r.method().equals(method) && r.send().json() != null
					&& r.send().json().contains("\"" + field + "\"")
					&& route.matches(PathContainer.parsePath(resolve(r.path(), a))));
	}

	@Test
	void objectsOfAnotherProductInThePathAreNotFoundAndUnchanged() {
		List<String> failures = new ArrayList<>();
		DatabaseSnapshot before = DatabaseSnapshot.ofSettled(dataSource);
		for (String route : objectRoutes()) {
			Send send = CrossProductRequests.PATH.get(route);
			for (Map<String, Map<String, String>> variant : variants(Routes.pattern(route))) {
				String path = path(Routes.pattern(route), variant, send.action());
				for (String who : api.keySet()) {
					Answer answer = send(who, Routes.method(route), path, send, b);
					String why = answer.status() != 404 ? "expected 404"
							: path.startsWith("/api/") && !answer.notFoundProblem() ? "expected a not-found problem"
									: answer.body().contains(B_MARKER) ? "the answer holds B's data" : null;
					if (why != null) {
						failures.add(route + " as " + who + " at " + path + ": " + why + ", got " + answer);
					}
				}
			}
			before = unchanged(route, before, failures);
		}
		assertThat(failures).isEmpty();
	}

	@Test
	void objectsOfAnotherProductInTheBodyAreRefusedAndUnchanged() {
		List<String> failures = new ArrayList<>();
		DatabaseSnapshot before = DatabaseSnapshot.ofSettled(dataSource);
		for (BodyRequest request : CrossProductRequests.BODY) {
			String path = resolve(request.path(), a);
			for (String who : api.keySet()) {
				Answer answer = send(who, request.method(), path, request.send(), a);
				boolean api = path.startsWith("/api/");
				boolean refused = api && !"GET".equals(request.method())
						? (answer.status() == 400 || answer.status() == 404) && answer.problem()
						: answer.status() == 200 || answer.status() == 400 || answer.status() == 404
								|| answer.refusedBack();
				String why = !refused ? "expected a refusal"
						: answer.body().contains(B_MARKER) ? "holds B's data" : null;
				if (why != null) {
					failures.add(request + " as " + who + ": " + why + ", got " + answer);
				}
			}
			before = unchanged(request.toString(), before, failures);
		}
		assertThat(failures).isEmpty();
	}

	/** A 404's parts, with the key the caller asked for replaced by "…". */
	record NotFound(int status, String type, String title, String detail) {

		static NotFound of(ApiClient.Response r, String asked) {
			var json = r.json();
			return new NotFound(r.status(), json.path("type").asText(), json.path("title").asText(),
					json.path("detail").asText().replace(asked, "…"));
		}

	}

	@Test
	void unknownHiddenAndForeignProductsAndItemsAnswerTheSameNotFound() {
		ApiClient viewerOfA = ApiClient.signIn(port, "alpha-viewer@sweep.test", "password-alpha");
		ApiClient nobody = ApiClient.signIn(port, "nobody@sweep.test", "password-nobody");
		String demand = "/api/v1/products/%s/items/%s/demand";
		NotFound hidden = NotFound.of(nobody.get(demand.formatted("SWB", "SWB-1")), "SWB");
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.type()).isEqualTo(NOT_FOUND);
		assertThat(List.of(NotFound.of(nobody.get(demand.formatted("ZZQ", "ZZQ-1")), "ZZQ"),
				NotFound.of(viewerOfA.get(demand.formatted("SWB", "SWB-1")), "SWB"),
				NotFound.of(viewerOfA.get(demand.formatted("ZZQ", "ZZQ-1")), "ZZQ"),
				NotFound.of(api().get(demand.formatted("ZZQ", "ZZQ-1")), "ZZQ")))
			.as("no role, and no such product, answer alike, for everyone")
			.containsOnly(hidden);

		List<NotFound> items = new ArrayList<>();
		for (String item : List.of("SWB-1", "SWB-2", "SWB-999", "ZZQ-1", "SWA-999", "nonsense")) {
			var r = viewerOfA.get(demand.formatted("SWA", item));
			assertThat(r.text()).doesNotContain(B_MARKER);
			items.add(NotFound.of(r, item));
		}
		assertThat(items).as("another product's items, unknown ones and missing numbers answer alike")
			.containsOnly(items.get(0));
		assertThat(items.get(0)).isEqualTo(new NotFound(404, NOT_FOUND, "Not found", "Item … does not exist."));

		BrowserlessSession nobodyUi = BrowserlessSession.signIn(port, "nobody@sweep.test", "password-nobody");
		BrowserlessSession viewerUi = BrowserlessSession.signIn(port, "alpha-viewer@sweep.test", "password-alpha");
		var hiddenPage = nobodyUi.get("/p/SWB/items/SWB-1/demand");
		var unknownPage = nobodyUi.get("/p/ZZQ/items/ZZQ-1/demand");
		assertThat(hiddenPage.statusCode()).isEqualTo(404);
		assertThat(unknownPage.statusCode()).isEqualTo(404);
		assertThat(page(hiddenPage.body(), "SWB")).isEqualTo(page(unknownPage.body(), "ZZQ"));
		var foreignItem = viewerUi.get("/p/SWA/items/SWB-1/demand");
		var unknownItem = viewerUi.get("/p/SWA/items/SWA-999/demand");
		assertThat(foreignItem.statusCode()).isEqualTo(404);
		assertThat(unknownItem.statusCode()).isEqualTo(404);
		assertThat(foreignItem.body()).doesNotContain(B_MARKER);
		assertThat(page(foreignItem.body(), "SWB-1")).isEqualTo(page(unknownItem.body(), "SWA-999"));
	}

	/**
	 * An error page without the time and path it names, the key it was asked for, and the
	 * session's CSRF token (masked afresh on every answer).
	 */
	private static String page(String body, String asked) {
		return body.replace(asked, "…")
			.replaceAll("\"(timestamp|path)\":\"[^\"]*\"", "")
			.replaceAll("(name=\"_csrf\"[^>]*(content|value)=\")[^\"]*\"", "$1\"");
	}

	private DatabaseSnapshot unchanged(String what, DatabaseSnapshot before, List<String> failures) {
		DatabaseSnapshot after = DatabaseSnapshot.of(dataSource);
		List<String> changed = after.differencesFrom(before);
		if (!changed.isEmpty()) {
			failures.add(what + " changed the database: " + changed);
		}
		return after;
	}

	/**
	 * For each object variable alone, that variable from B and the others from A; and,
	 * with several, all from B.
	 */
	private List<Map<String, Map<String, String>>> variants(String pattern) {
		List<String> objects = objects(pattern);
		List<Map<String, Map<String, String>>> variants = new ArrayList<>();
		for (String swapped : objects) {
			Map<String, Map<String, String>> v = new LinkedHashMap<>();
			objects.forEach(o -> v.put(o, o.equals(swapped) ? b : a));
			variants.add(v);
		}
		if (objects.size() > 1) {
			Map<String, Map<String, String>> all = new LinkedHashMap<>();
			objects.forEach(o -> all.put(o, b));
			variants.add(all);
		}
		return variants;
	}

	private static List<String> objects(String pattern) {
		List<String> names = new ArrayList<>();
		Matcher m = VARIABLE.matcher(pattern);
		while (m.find()) {
			if (!NOT_OBJECTS.contains(m.group(1))) {
				names.add(m.group(1));
			}
		}
		return names;
	}

	/**
	 * The pattern under A's key with each object taken from the product the variant says.
	 */
	private String path(String pattern, Map<String, Map<String, String>> variant, String action) {
		String[] segments = pattern.split("/");
		StringBuilder path = new StringBuilder();
		for (int i = 1; i < segments.length; i++) {
			Matcher m = VARIABLE.matcher(segments[i]);
			String segment = segments[i];
			if (m.matches()) {
				String name = m.group(1);
				segment = switch (name) {
					case "productKey", "key" -> a.get("KEY");
					case "kind" -> "DEPENDS_ON";
					case "index", "position" -> "0";
					case "source" -> "github";
					case "week" -> CrossProductRequests.MONDAY;
					case "table" -> "themes";
					case "action" -> action;
					default -> variant.get(name).get(token(name, segments[i - 1], pattern));
				};
			}
			path.append('/').append(segment);
		}
		return path.toString();
	}

	/** Which of {@link ProductObjects}' objects a path variable names. */
	private static String token(String variable, String previous, String pattern) {
		return switch (variable) {
			case "itemKey" -> "ITEM1";
			case "target" -> "ITEM2";
			case "changeId" -> pattern.contains("/bulk-changes/") ? "BULK" : "CHANGE";
			case "modelId" -> "MODEL";
			case "deliveryId" -> "DELIVERY";
			case "replyId" -> "REPLY";
			case "other" -> "OTHERPLAN";
			case "userId" -> "USER";
			case "jobId" -> pattern.contains("/feedback/") ? "FJOB" : "BJOB";
			case "id" -> switch (previous) {
				case "feedback" -> "FEEDBACK";
				case "followups" -> "FOLLOWUP";
				case "sessions" -> "SESSION";
				case "customers" -> "CUSTOMER";
				case "releases" -> "RELEASE";
				case "sprints" -> "SPRINT";
				case "plans" -> "PLAN";
				case "scenarios" -> "SCENARIO";
				case "webhooks" -> "WEBHOOK";
				case "team" -> "MEMBER";
				case "bulk" -> "BULK";
				case "objectives" -> "OBJECTIVE";
				case "links" -> "LINK";
				case "public-forms" -> "FORM";
				case "ideas" -> "IDEA";
				case "comments" -> "COMMENT";
				case "scoring-models", "models" -> "MODEL";
				case "themes" -> "THEME";
				default -> throw new IllegalStateException("no object for {id} after " + previous + " in " + pattern);
			};
			default -> throw new IllegalStateException(
					"no object for {" + variable + "} in " + pattern + ": add it to ProductObjects and here");
		};
	}

	/**
	 * Fills a template: {@code ${X}} from A, {@code ${B.X}} from B, {@code ${OBJ.X}} from
	 * {@code object}.
	 */
	private String resolve(String template, Map<String, String> object) {
		if (template == null) {
			return null;
		}
		Matcher m = TEMPLATE.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			Map<String, String> from = m.group(1) == null ? a : "B".equals(m.group(1)) ? b : object;
			String value = from.get(m.group(2));
			if (value == null) {
				throw new IllegalStateException("no " + m.group(2) + " in " + template);
			}
			m.appendReplacement(out, Matcher.quoteReplacement(value));
		}
		m.appendTail(out);
		return out.toString();
	}

	record Answer(int status, String contentType, String body, String location) {

		Answer(int status, String contentType, String body) {
			this(status, contentType, body, null);
		}

		/**
		 * A form post refused the page way: back to a page of the product (not the
		 * sign-in page) with the reason as a flash attribute.
		 */
		boolean refusedBack() {
			return status == 302 && location != null && !location.contains("/login");
		}

		boolean problem() {
			return contentType.startsWith("application/problem+json");
		}

		boolean notFoundProblem() {
			return problem() && body.contains("\"type\":\"" + NOT_FOUND + "\"");
		}

		@Override
		public String toString() {
			return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) : body);
		}

	}

	private Answer send(String who, String method, String path, Send send, Map<String, String> object) {
		String query = send.query() == null ? "" : "?" + encode(resolve(send.query(), object));
		if (path.startsWith("/api/")) {
			var r = api.get(who)
				.send(method, path + query, resolve(send.json(), object),
						send.ifMatch() == null ? null : "\"" + resolve(send.ifMatch(), object) + "\"");
			return new Answer(r.status(), r.contentType(), r.text());
		}
		BrowserlessSession session = ui.get(who);
		if ("GET".equals(method)) {
			var r = session.get(path + query);
			return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
		}
		Map<String, String> form = new LinkedHashMap<>();
		List<String> fields = send.form() == null ? List.of() : send.form();
		for (int i = 0; i < fields.size(); i += 2) {
			form.put(fields.get(i), resolve(fields.get(i + 1), object));
		}
		var r = session.post(path + query, form);
		return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(),
				r.headers().firstValue("Location").orElse(null));
	}

	/** Encodes each value of {@code a=1&b=x y}. */
	private static String encode(String query) {
		List<String> parts = new ArrayList<>();
		for (String pair : query.split("&")) {
			int eq = pair.indexOf('=');
			parts.add(pair.substring(0, eq + 1) + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
		}
		return String.join("&", parts);
	}

}
