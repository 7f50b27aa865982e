package dev.priora.web;

import static dev.priora.support.Fixtures.aCustomer;
import static dev.priora.support.Fixtures.aProduct;
import static dev.priora.support.Fixtures.aRelease;
import static dev.priora.support.Fixtures.aStory;
import static dev.priora.support.Fixtures.someFeedback;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.UserId;
import dev.priora.feedback.PublicForms;
import dev.priora.support.ApiClient;
import dev.priora.support.BrowserlessSession;
import dev.priora.support.IntegrationTestBase;
import dev.priora.support.Routes;
import dev.priora.support.TestProduct;

/**
 * Every HTTP route of the application, read from its own request mappings, against
 * anonymous callers, each product role, a user of another product, and the workspace
 * admin. A route missing from {@link #MATRIX} fails the test, so no new route escapes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIntegrationTest extends IntegrationTestBase {

	/**
	 * Who may call a route: nobody needs to sign in, any signed-in user, the admin, or a
	 * product permission.
	 */
	sealed interface Rule permits Public, Authenticated, Admin, Product {

	}

	record Public() implements Rule {
	}

	record Authenticated() implements Rule {
	}

	record Admin() implements Rule {
	}

	record Product(Permission permission) implements Rule {
	}

	private static final Map<String, Rule> MATRIX = new LinkedHashMap<>();

	static {
		Rule pub = new Public();
		Rule auth = new Authenticated();
		Rule admin = new Admin();
		for (String r : List.of("GET /login", "GET /invite/{secret}", "POST /invite/{secret}", "GET /reset/{secret}",
				"POST /reset/{secret}", "GET /f/{secret}", "POST /f/{secret}", "GET /r/{secret}",
				"GET /forgot-password", "POST /forgot-password", "GET /unsubscribe/{token}",
				"POST /unsubscribe/{token}", "GET /login/two-factor", "POST /login/two-factor",
				"GET /login/two-factor/enrol", "POST /login/two-factor/enrol", "GET /login/sso/{id}",
				"GET /login/sso/refused")) {
			MATRIX.put(r, pub);
		}
		PortalMatrixRows.VISITOR_ROUTES.forEach(r -> MATRIX.put(r, pub));
		// a portal visitor's single sign-on: the portal checks the provider and the
		// visitor
		MATRIX.put("GET /portal/{portal}/sign-in/sso/{id}", pub);
		MATRIX.put("GET /portal/{portal}/sign-in/sso", pub);
		for (String r : List.of("POST /api/v1/tokens", "GET /api/v1/tokens", "DELETE /api/v1/tokens/{id}",
				"GET /api/v1/me", "PUT /api/v1/me/name", "PUT /api/v1/me/password", "GET /api/v1/products",
				"POST /api/v1/products", "GET /", "GET /products", "POST /products", "GET /account",
				"POST /account/name", "POST /account/password", "GET /account/tokens", "POST /account/tokens",
				"POST /account/tokens/{id}/revoke", "POST /api/v1/products/import", "POST /products/import",
				"GET /my-work", "GET /search", "GET /api/v1/search", "GET /notifications", "GET /notifications/bell",
				"POST /notifications/{id}/read", "POST /notifications/read-all", "GET /account/notifications",
				"POST /account/notifications", "GET /api/v1/notifications", "POST /api/v1/notifications/{id}/read",
				"POST /api/v1/notifications/read-all", "GET /api/v1/notifications/preferences",
				"PUT /api/v1/notifications/preferences", "GET /live", "GET /account/two-factor",
				"POST /account/two-factor/setup", "POST /account/two-factor/confirm",
				"POST /account/two-factor/recovery-codes", "POST /account/two-factor/disable",
				"GET /api/v1/account/two-factor", "POST /api/v1/account/two-factor",
				"POST /api/v1/account/two-factor/confirm", "POST /api/v1/account/two-factor/recovery-codes",
				"DELETE /api/v1/account/two-factor", "GET /account/passkeys", "POST /account/passkeys/added",
				"POST /account/passkeys/{id}/label", "POST /account/passkeys/{id}/delete",
				"GET /api/v1/account/passkeys", "PATCH /api/v1/account/passkeys/{id}",
				"DELETE /api/v1/account/passkeys/{id}", "GET /account/sessions", "POST /account/sessions/{ref}/end",
				"POST /account/sessions/end-others", "GET /api/v1/account/sessions",
				"DELETE /api/v1/account/sessions/{ref}")) {
			MATRIX.put(r, auth);
		}
		for (String r : List.of("GET /api/v1/users", "POST /api/v1/users/invitations",
				"POST /api/v1/users/{id}/deactivate", "POST /api/v1/users/{id}/reactivate",
				"POST /api/v1/users/{id}/password-reset", "GET /api/v1/audit", "GET /admin/users",
				"POST /admin/users/invite", "POST /admin/users/{id}/deactivate", "POST /admin/users/{id}/reactivate",
				"POST /admin/users/{id}/reset", "GET /admin/audit", "GET /admin/audit.csv",
				"GET /api/v1/admin/webhooks", "PUT /api/v1/admin/webhooks", "GET /admin/webhooks",
				"POST /admin/webhooks", "GET /api/v1/admin/mail", "POST /api/v1/admin/mail/{id}/retry",
				"GET /admin/mail", "POST /admin/mail/{id}/retry", "POST /api/v1/admin/backup", "GET /admin/operations",
				"POST /admin/operations/backup", "GET /api/v1/admin/two-factor", "PUT /api/v1/admin/two-factor",
				"PUT /api/v1/users/{id}/two-factor", "DELETE /api/v1/users/{id}/two-factor", "POST /admin/two-factor",
				"POST /admin/users/{id}/two-factor/require", "POST /admin/users/{id}/two-factor/reset",
				"GET /api/v1/admin/tokens", "DELETE /api/v1/admin/tokens/{id}", "GET /admin/tokens",
				"POST /admin/tokens/{id}/revoke", "GET /admin/sso", "POST /admin/sso/providers",
				"POST /admin/sso/providers/{id}", "POST /admin/sso/providers/{id}/delete",
				"POST /admin/sso/providers/{id}/test", "POST /admin/sso/policy", "POST /admin/sso/groups",
				"POST /admin/sso/groups/{id}/delete", "GET /api/v1/admin/sso", "POST /api/v1/admin/sso/providers",
				"PUT /api/v1/admin/sso/providers/{id}", "DELETE /api/v1/admin/sso/providers/{id}",
				"POST /api/v1/admin/sso/providers/{id}/discovery", "PUT /api/v1/admin/sso/policy",
				"POST /api/v1/admin/sso/group-roles", "DELETE /api/v1/admin/sso/group-roles/{id}",
				"GET /admin/users/{id}/passkeys", "POST /admin/users/{id}/passkeys/{credentialId}/delete",
				"GET /api/v1/users/{id}/passkeys", "DELETE /api/v1/users/{id}/passkeys/{credentialId}")) {
			MATRIX.put(r, admin);
		}
		String items = "/api/v1/products/{productKey}/items";
		product(Permission.READ, "GET /api/v1/products/{key}", "GET /api/v1/products/{key}/ready-rules",
				"GET /api/v1/products/{productKey}/members", "GET " + items, "GET " + items + "/{itemKey}",
				"GET " + items + "/{itemKey}/readiness", "GET " + items + "/{itemKey}/history",
				"GET " + items + "/{itemKey}/dependencies", "GET /p/{key}/members", "GET /p/{key}/settings",
				"GET /p/{key}/backlog", "GET /p/{key}/backlog/rows", "GET /p/{key}/items/{itemKey}");
		String base = "/api/v1/products/{productKey}";
		product(Permission.READ, "GET " + base + "/customers", "GET " + base + "/customers/{id}",
				"GET " + base + "/feedback", "GET " + base + "/feedback/{id}", "GET " + base + "/feedback/{id}/similar",
				"POST " + base + "/similar", "GET " + base + "/items/{itemKey}/demand");
		product(Permission.SUBMIT_FEEDBACK, "POST " + base + "/feedback", "POST /p/{key}/feedback");
		product(Permission.READ, "GET /p/{key}/feedback/{id}/story", "GET " + base + "/feedback/{id}/story-draft",
				"GET /p/{key}/customers", "GET /p/{key}/customers/{id}");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/customers");
		product(Permission.READ, "GET /p/{key}/public-forms", "GET /p/{key}/similar");
		product(Permission.READ, PortalMatrixRows.READ.toArray(String[]::new));
		product(Permission.MANAGE_PRODUCT, PortalMatrixRows.MANAGE.toArray(String[]::new));
		product(Permission.READ, "GET /p/{key}/portal/sign-in-providers",
				"GET /api/v1/products/{productKey}/portal/sign-in-providers");
		product(Permission.MANAGE_PRODUCT, "POST /p/{key}/portal/sign-in-providers",
				"PUT /api/v1/products/{productKey}/portal/sign-in-providers");
		product(Permission.EDIT_BACKLOG, PortalMatrixRows.EDIT.toArray(String[]::new));
		product(Permission.MANAGE_PRODUCT, "POST /p/{key}/public-forms", "POST /p/{key}/public-forms/{id}/revoke");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/feedback/{id}/story", "POST " + base + "/feedback/{id}/story");
		product(Permission.READ, "GET /p/{key}/feedback", "GET /p/{key}/feedback/{id}",
				"GET /p/{key}/items/{itemKey}/demand");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/feedback/{id}/status", "POST /p/{key}/feedback/{id}/links",
				"POST /p/{key}/feedback/{id}/merge");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/customers", "PUT " + base + "/customers/{id}",
				"DELETE " + base + "/customers/{id}", "PATCH " + base + "/feedback/{id}",
				"POST " + base + "/feedback/{id}/links", "DELETE " + base + "/feedback/{id}/links/{itemKey}",
				"POST " + base + "/feedback/{id}/merge", "POST " + base + "/feedback/import");
		product(Permission.READ, "GET " + base + "/feedback/imports", "GET " + base + "/feedback/imports/{jobId}");
		product(Permission.EDIT_BACKLOG, "DELETE " + base + "/feedback/imports/{jobId}",
				"POST " + base + "/feedback/bulk", "PUT " + base + "/feedback/{id}/customer",
				"DELETE " + base + "/feedback/{id}/customer", "POST /p/{key}/feedback/bulk",
				"POST /p/{key}/feedback/{id}/customer", "GET /p/{key}/feedback/import",
				"POST /p/{key}/feedback/import/preview", "POST /p/{key}/feedback/import/start",
				"GET /p/{key}/feedback/import/{jobId}", "POST /p/{key}/feedback/import/{jobId}/cancel");
		product(Permission.SUBMIT_FEEDBACK, "POST " + base + "/feedback/email", "GET /p/{key}/feedback/email",
				"POST /p/{key}/feedback/email");
		product(Permission.READ, "GET " + base + "/feedback-kinds/model", "GET /p/{key}/settings/kinds");
		product(Permission.EDIT_BACKLOG, "PUT " + base + "/feedback/{id}/kind",
				"POST " + base + "/feedback-kinds/model/retrain", "POST /p/{key}/feedback/{id}/kind",
				"POST /p/{key}/settings/kinds/retrain");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/feedback/{id}/customer-suggestion/confirm",
				"DELETE " + base + "/feedback/{id}/customer-suggestion",
				"POST /p/{key}/feedback/{id}/suggestion/confirm", "POST /p/{key}/feedback/{id}/suggestion/dismiss");
		product(Permission.READ, "GET " + base + "/scoring-models", "GET " + base + "/scoring-models/{id}",
				"GET " + base + "/scores", "GET " + base + "/items/{itemKey}/scores",
				"GET " + base + "/items/{itemKey}/scores/{modelId}/history", "GET " + base + "/priority-order",
				"GET " + base + "/critical-path", "GET " + base + "/dependency-graph", "GET " + base + "/priority-map",
				"GET /p/{key}/scoring", "GET /p/{key}/scoring/rows", "GET /p/{key}/priority-map",
				"GET /p/{key}/priority-order", "GET /p/{key}/dependencies", "GET /p/{key}/scoring/models",
				"GET /p/{key}/items/{itemKey}/scores");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/scoring-models", "PUT " + base + "/scoring-models/{id}",
				"DELETE " + base + "/scoring-models/{id}", "POST " + base + "/scoring-models/{id}/activate",
				"PUT " + base + "/items/{itemKey}/scores/{modelId}", "POST " + base + "/priority-order",
				"POST " + base + "/priority-order/{changeId}/undo", "PUT " + base + "/items/{itemKey}/pin",
				"DELETE " + base + "/items/{itemKey}/pin", "POST /p/{key}/scoring/{modelId}/items/{itemKey}",
				"POST /p/{key}/scoring/{modelId}/items/{itemKey}/pin", "POST /p/{key}/priority-order",
				"POST /p/{key}/priority-order/{changeId}/undo", "POST /p/{key}/scoring/models",
				"POST /p/{key}/scoring/models/{id}/activate", "POST /p/{key}/scoring/models/{id}/delete");
		product(Permission.READ, "GET " + base + "/releases", "GET " + base + "/releases/{id}",
				"GET " + base + "/plans", "GET " + base + "/plans/{id}", "GET " + base + "/plans/{id}/compare/{other}",
				"GET /p/{key}/releases", "GET /p/{key}/plans", "GET /p/{key}/plans/{id}",
				"GET " + base + "/sprints/{id}");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/releases", "PUT " + base + "/releases/{id}",
				"DELETE " + base + "/releases/{id}", "POST " + base + "/sprints", "DELETE " + base + "/sprints/{id}",
				"PUT " + base + "/items/{itemKey}/release", "POST " + base + "/plans",
				"POST " + base + "/plans/{id}/cancel", "POST " + base + "/plans/{id}/apply",
				"POST " + base + "/plans/{id}/undo", "POST /p/{key}/releases", "POST /p/{key}/sprints",
				"POST /p/{key}/releases/assign", "POST /p/{key}/plans", "POST /p/{key}/plans/{id}/{action}",
				"POST /p/{key}/releases/{id}", "POST /p/{key}/releases/{id}/delete",
				"POST /p/{key}/sprints/{id}/delete", "PUT " + base + "/sprints/{id}",
				"POST /p/{key}/sprints/{id}/edit");
		product(Permission.READ, "GET " + base + "/scenarios", "GET " + base + "/scenarios/{id}",
				"GET " + base + "/scenarios/compare", "GET /p/{key}/scenarios", "GET /p/{key}/scenarios/{id}",
				"GET /p/{key}/scenarios/compare");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/scenarios", "PUT " + base + "/scenarios/{id}",
				"DELETE " + base + "/scenarios/{id}", "POST " + base + "/scenarios/{id}/run", "POST /p/{key}/scenarios",
				"POST /p/{key}/scenarios/{id}", "POST /p/{key}/scenarios/{id}/changes",
				"POST /p/{key}/scenarios/{id}/changes/{position}/delete", "POST /p/{key}/scenarios/{id}/run",
				"POST /p/{key}/scenarios/{id}/delete");
		product(Permission.READ, "GET " + base + "/roadmap", "GET " + base + "/objectives",
				"GET " + base + "/alignment", "GET " + base + "/roadmap/links", "GET /p/{key}/roadmap");
		product(Permission.READ, "GET " + base + "/roadmap/comments");
		product(Permission.COMMENT, "POST " + base + "/roadmap/comments", "POST /p/{key}/roadmap/comments");
		product(Permission.MANAGE_ROADMAP, "POST " + base + "/roadmap/feedback", "POST /p/{key}/roadmap/align",
				"POST /p/{key}/items/{itemKey}/objectives", "PUT " + base + "/items/{itemKey}/objectives");
		product(Permission.READ, "GET /p/{key}/items/{itemKey}/objectives");
		product(Permission.READ, "GET /p/{key}/items/{itemKey}/watch", "POST /p/{key}/items/{itemKey}/watch",
				"GET /p/{key}/releases/{id}/watch", "POST /p/{key}/releases/{id}/watch", "GET /p/{key}/inbox/watch",
				"POST /p/{key}/inbox/watch", "GET /p/{key}/mentionable", "PUT " + items + "/{itemKey}/watch",
				"PUT /api/v1/products/{productKey}/releases/{id}/watch",
				"PUT /api/v1/products/{productKey}/inbox/watch");
		product(Permission.MANAGE_ROADMAP, "PUT " + base + "/goal", "POST " + base + "/objectives",
				"DELETE " + base + "/objectives/{id}", "POST " + base + "/roadmap/links",
				"DELETE " + base + "/roadmap/links/{id}", "POST /p/{key}/roadmap/goal",
				"POST /p/{key}/roadmap/objectives", "POST /p/{key}/roadmap/links",
				"POST /p/{key}/roadmap/links/{id}/revoke");
		product(Permission.READ, "GET " + base + "/items.csv", "GET " + base + "/releases/{id}/release-notes",
				"GET /p/{key}/releases/{id}/notes");
		product(Permission.EDIT_BACKLOG, "PUT " + base + "/releases/{id}/release-notes",
				"POST /p/{key}/releases/{id}/notes");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/imports/{source}", "DELETE " + base + "/imports/{jobId}",
				"GET /p/{key}/import", "POST /p/{key}/import/preview", "POST /p/{key}/import/start",
				"GET /p/{key}/import/{jobId}", "POST /p/{key}/import/{jobId}/cancel");
		product(Permission.MANAGE_PRODUCT, "GET " + base + "/export", "GET " + base + "/webhooks",
				"POST " + base + "/webhooks", "PUT " + base + "/webhooks/{id}", "DELETE " + base + "/webhooks/{id}",
				"GET " + base + "/webhooks/{id}/deliveries", "POST " + base + "/webhooks/{id}/ping",
				"POST " + base + "/webhooks/{id}/deliveries/{deliveryId}/redeliver", "GET /p/{key}/webhooks",
				"POST /p/{key}/webhooks", "POST /p/{key}/webhooks/{id}/deliveries/{deliveryId}/redeliver",
				"POST /p/{key}/webhooks/{id}/{action:ping|pause|resume|delete}");
		product(Permission.READ, "GET /p/{key}/followups", "GET " + base + "/followups",
				"GET " + base + "/followups/{id}", "GET " + base + "/followups/settings");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/followups/send", "POST /p/{key}/followups/{id}/edit",
				"POST /p/{key}/followups/{id}/dismiss", "POST /p/{key}/followups/{id}/told",
				"POST /p/{key}/followups/settings", "PATCH " + base + "/followups/{id}",
				"POST " + base + "/followups/send", "POST " + base + "/followups/{id}/dismiss",
				"POST " + base + "/followups/{id}/told", "PUT " + base + "/followups/settings");
		product(Permission.READ, "GET " + base + "/items/{itemKey}/estimate-suggestion",
				"POST " + base + "/estimate-suggestion", "GET " + base + "/estimate-suggestion/settings",
				"GET /p/{key}/items/{itemKey}/estimate-suggestion", "GET /p/{key}/estimate-suggestion",
				"GET /p/{key}/settings/estimates");
		product(Permission.MANAGE_PRODUCT, "PUT " + base + "/estimate-suggestion/settings",
				"POST /p/{key}/settings/estimates");
		product(Permission.READ, "GET /p/{key}/health", "GET " + base + "/health", "GET " + base + "/health/history",
				"GET " + base + "/health/settings");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/health/settings", "PUT " + base + "/health/settings");
		product(Permission.READ, "GET /p/{key}/insights", "GET /p/{key}/insights/week", "GET /p/{key}/insights/themes",
				"GET /p/{key}/insights/themes/progress", "GET /p/{key}/insights/themes/{id}",
				"GET " + base + "/insights/themes", "GET " + base + "/insights/themes/{id}",
				"GET " + base + "/insights/trends", "GET " + base + "/insights/weeks/{week}",
				"GET " + base + "/insights/themes/{id}/item-draft", "GET " + base + "/insights/{table}.csv");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/insights/recompute", "POST /p/{key}/insights/recompute/cancel",
				"POST /p/{key}/insights/themes/{id}/rename", "POST /p/{key}/insights/themes/{id}/merge",
				"POST /p/{key}/insights/themes/{id}/split", "POST /p/{key}/insights/themes/{id}/move",
				"POST /p/{key}/insights/themes/{id}/item", "POST " + base + "/insights/recompute",
				"PUT " + base + "/insights/themes/{id}/name", "POST " + base + "/insights/themes/{id}/merge",
				"POST " + base + "/insights/themes/{id}/split", "POST " + base + "/insights/themes/{id}/feedback",
				"POST " + base + "/insights/themes/{id}/items");
		product(Permission.READ, "GET " + base + "/imports", "GET " + base + "/imports/{jobId}",
				"GET " + base + "/items/{itemKey}/comments");
		product(Permission.COMMENT, "POST " + base + "/items/{itemKey}/comments",
				"POST /p/{key}/items/{itemKey}/comments");
		product(Permission.READ, "GET " + base + "/charts/velocity.csv", "GET " + base + "/charts/velocity",
				"GET " + base + "/charts/cumulative-flow", "GET " + base + "/charts/cumulative-flow.csv",
				"GET " + base + "/charts/cycle-times", "GET " + base + "/charts/cycle-times.csv",
				"GET /p/{key}/charts");
		product(Permission.READ, "GET " + base + "/team", "GET " + base + "/sprints/{id}/workload",
				"GET " + base + "/releases/{id}/workload", "GET " + base + "/items/{itemKey}/suggested-assignees",
				"GET /p/{key}/team");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/team", "DELETE " + base + "/team/{id}",
				"PUT " + base + "/team/{id}/days-off", "PUT " + base + "/items/{itemKey}/assignee",
				"POST /p/{key}/team", "POST /p/{key}/team/{id}/days-off", "POST /p/{key}/sprints/{id}/assignee",
				"PUT " + base + "/team/{id}", "POST /p/{key}/team/{id}", "POST /p/{key}/team/{id}/remove");
		product(Permission.READ, "GET " + base + "/forecast", "GET " + base + "/sprint-runs",
				"GET " + base + "/sprints/{id}/burndown", "GET " + base + "/sprints/{id}/burndown.csv",
				"GET " + base + "/releases/{id}/burnup.csv", "GET " + base + "/velocity",
				"GET " + base + "/releases/{id}/progress", "GET /p/{key}/sprints/{id}",
				"GET " + base + "/sprints/{id}/review", "GET /p/{key}/releases/{id}/progress", "GET /p/{key}/board",
				"GET " + base + "/release-forecasts", "GET /p/{key}/release-forecasts",
				"GET " + base + "/plans/{id}/forecasts", "GET /p/{key}/plans/{id}/forecasts",
				"GET " + base + "/releases/{id}/what-it-takes", "GET /p/{key}/releases/{id}/what-it-takes",
				"GET " + base + "/customer-promises", "GET /p/{key}/customers/{id}/promise",
				"GET " + base + "/plans/{id}/customer-promises", "GET /p/{key}/plans/{id}/customer-promises");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/releases/{id}/what-it-takes",
				"POST /p/{key}/releases/{id}/what-it-takes", "POST /p/{key}/releases/{id}/what-it-takes/undo");
		product(Permission.EDIT_BACKLOG, "POST " + base + "/sprints/{id}/start", "POST " + base + "/sprints/{id}/close",
				"POST " + base + "/sprints/{id}/review", "POST /p/{key}/sprints/{id}/review",
				"POST " + base + "/releases/{id}/decisions", "POST /p/{key}/sprints/{id}/{action:start|close}",
				"POST /p/{key}/releases/{id}/decisions");
		product(Permission.READ, "GET " + base + "/board", "GET " + base + "/board/wip-limits",
				"GET /p/{key}/items/{itemKey}/assignee");
		product(Permission.WORK_ITEMS, "POST /p/{key}/board/move");
		product(Permission.EDIT_BACKLOG, "PUT " + base + "/board/wip-limits", "POST /p/{key}/board/wip",
				"POST /p/{key}/items/{itemKey}/assignee");
		product(Permission.READ, "GET /p/{key}/items/{itemKey}/panel", "GET /p/{key}/backlog/items/{itemKey}/row",
				"GET /p/{key}/live");
		product(Permission.WORK_ITEMS, "POST /p/{key}/backlog/items/{itemKey}/status",
				"POST /p/{key}/backlog/items/{itemKey}/estimate");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/backlog/items/{itemKey}/release",
				"POST /p/{key}/backlog/items/{itemKey}/sprint", "GET /p/{key}/backlog/items/{itemKey}/plan-menu",
				"GET /p/{key}/backlog/items/{itemKey}/labels-menu");
		product(Permission.EDIT_BACKLOG, "POST /p/{key}/backlog/items/{itemKey}/labels", "POST /p/{key}/backlog/bulk",
				"POST /p/{key}/backlog/bulk/{id}/undo", "POST /api/v1/products/{productKey}/bulk-changes",
				"POST /api/v1/products/{productKey}/bulk-changes/{changeId}/undo");
		product(Permission.WORK_ITEMS, "PATCH " + items + "/{itemKey}", "POST /p/{key}/items/{itemKey}/status",
				"POST /p/{key}/items/{itemKey}/criteria/{index}/toggle");
		product(Permission.EDIT_BACKLOG, "POST " + items, "PUT " + items + "/{itemKey}",
				"DELETE " + items + "/{itemKey}", "POST " + items + "/{itemKey}/move",
				"POST " + items + "/{itemKey}/dependencies",
				"DELETE " + items + "/{itemKey}/dependencies/{kind}/{target}", "POST /p/{key}/backlog/items",
				"POST /p/{key}/backlog/move", "POST /p/{key}/items/{itemKey}/edit",
				"POST /p/{key}/items/{itemKey}/criteria", "POST /p/{key}/items/{itemKey}/criteria/{index}/{action}",
				"POST /p/{key}/items/{itemKey}/dependencies", "POST /p/{key}/items/{itemKey}/dependencies/remove",
				"POST /p/{key}/items/{itemKey}/delete");
		String sessions = base + "/refinement/sessions";
		String rooms = "/p/{key}/refinement/sessions";
		product(Permission.READ, "GET " + sessions, "GET " + sessions + "/{id}",
				"GET " + base + "/refinement/candidates", "GET /p/{key}/refinement", "GET " + rooms + "/{id}");
		product(Permission.WORK_ITEMS, "POST " + sessions + "/{id}/join", "POST " + sessions + "/{id}/vote",
				"POST " + rooms + "/{id}/join", "POST " + rooms + "/{id}/vote");
		product(Permission.RUN_REFINEMENT, "POST " + sessions, "POST " + sessions + "/{id}/reveal",
				"POST " + sessions + "/{id}/accept", "POST " + sessions + "/{id}/revote",
				"POST " + sessions + "/{id}/skip", "POST " + sessions + "/{id}/close", "GET /p/{key}/refinement/new",
				"POST " + rooms, "POST " + rooms + "/{id}/accept",
				"POST " + rooms + "/{id}/{action:reveal|revote|skip|close}");
		product(Permission.MANAGE_PRODUCT, "PUT /api/v1/products/{key}", "PUT /api/v1/products/{key}/ready-rules",
				"PUT /api/v1/products/{productKey}/members", "DELETE /api/v1/products/{productKey}/members/{userId}",
				"POST /p/{key}/members", "POST /p/{key}/members/{userId}/remove", "POST /p/{key}/members/{userId}/role",
				"POST /p/{key}/settings", "POST /p/{key}/settings/ready");
	}

	private static void product(Permission permission, String... routes) {
		for (String r : routes) {
			MATRIX.put(r, new Product(permission));
		}
	}

	private static boolean isFrameworkPublic(String path) {
		return path.startsWith("/v3/api-docs") || path.startsWith("/swagger-ui") || path.equals("/error");
	}

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	AccountService accounts;

	@Autowired
	ProductRoles roles;

	private final Map<String, ApiClient> api = new LinkedHashMap<>();

	private final Map<String, BrowserlessSession> ui = new LinkedHashMap<>();

	private final Map<String, ProductRole> roleOf = new LinkedHashMap<>();

	private long outsiderId;

	private long feedbackId;

	private long customerId;

	private String backlogJobId;

	private String jobId;

	private long spareFeedbackId;

	private long modelId;

	private long customModelId;

	private long planId;

	private long scenarioId;

	private long releaseId;

	private long sprintId;

	private long webhookId;

	private long deliveryId;

	private long changeId;

	private long followupId;

	private int spares;

	private long sessionId;

	@Autowired
	PublicForms forms;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	@Autowired
	dev.priora.portal.Portals portals;

	@Autowired
	dev.priora.portal.Ideas ideas;

	private long portalIdeaId;

	private long themeId;

	@BeforeAll
	void people() {
		ApiClient admin = api();
		TestProduct product = aProduct("MTX").named("Matrix").createdBy(admin);
		aStory("One").in(product);
		aStory("Two").in(product);
		admin.post("/api/v1/products/MTX/items/MTX-1/dependencies", "{\"kind\":\"DEPENDS_ON\",\"target\":\"MTX-2\"}");
		customerId = aCustomer("Matrix customer").in(product);
		feedbackId = admin
			.post("/api/v1/products/MTX/feedback", "{\"text\":\"Matrix feedback\",\"customerId\":" + customerId + "}")
			.json()
			.get("id")
			.asLong();
		spareFeedbackId = someFeedback("Spare matrix feedback").in(product);
		jobId = admin
			.postFile("/api/v1/products/MTX/feedback/import?text=body&async=true",
					"body\nimported for the matrix\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv")
			.json()
			.get("id")
			.asText();
		backlogJobId = admin
			.postFile("/api/v1/products/MTX/imports/github?async=true",
					"[{\"number\": 1, \"title\": \"Matrix issue\", \"state\": \"open\"}]"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8),
					"application/json")
			.json()
			.get("id")
			.asText();
		for (var m : admin.get("/api/v1/products/MTX/scoring-models").json()) {
			if ("WSJF".equals(m.get("preset").asText())) {
				modelId = m.get("id").asLong();
			}
		}
		customModelId = admin
			.post("/api/v1/products/MTX/scoring-models",
					"{\"name\":\"Matrix\",\"definition\":{\"formula\":\"SUM\",\"criteria\":[{\"key\":\"v\","
							+ "\"label\":\"V\",\"role\":\"BENEFIT\",\"scale\":{\"type\":\"fibonacci\"}}]}}")
			.json()
			.get("id")
			.asLong();
		releaseId = aRelease("Matrix release").capacity(5).in(product);
		sprintId = admin
			.post("/api/v1/products/MTX/sprints",
					"{\"name\":\"Matrix sprint\",\"start\":\"2027-01-04\",\"end\":\"2027-01-17\"}")
			.json()
			.get("id")
			.asLong();
		planId = admin.post("/api/v1/products/MTX/plans", "{\"timeLimitSeconds\":1}").json().get("id").asLong();
		scenarioId = admin
			.post("/api/v1/products/MTX/scenarios", "{\"name\":\"Matrix scenario\",\"timeLimitSeconds\":1}")
			.json()
			.get("id")
			.asLong();
		String basis = admin.get("/api/v1/products/MTX/priority-order").json().get("basis").asText();
		changeId = admin.post("/api/v1/products/MTX/priority-order", "{\"basis\":\"" + basis + "\"}")
			.json()
			.get("id")
			.asLong();
		admin.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":true}", null);
		webhookId = admin.post("/api/v1/products/MTX/webhooks", "{\"url\":\"http://127.0.0.1:9/matrix\"}")
			.json()
			.get("id")
			.asLong();
		admin.put("/api/v1/admin/webhooks", "{\"allowPrivateTargets\":false}", null);
		deliveryId = admin.post("/api/v1/products/MTX/webhooks/" + webhookId + "/ping", null).json().get("id").asLong();
		followupId = followup(product);
		portalIdeaId = PortalMatrixRows.fixture(jdbc, portals, ideas);
		themeId = currentTheme(admin);
		sessionId = admin.post("/api/v1/products/MTX/refinement/sessions", "{\"items\":[\"MTX-1\"]}")
			.json()
			.get("id")
			.asLong();
		UserId adminId = accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id();
		for (ProductRole role : ProductRole.values()) {
			String email = role.name().toLowerCase() + "@matrix.test";
			accounts.createUser(email, role.label(), "password-" + role.name(), false);
			roles.grant("MTX", email, role, adminId);
			roleOf.put(email, role);
		}
		outsiderId = accounts.createUser("outsider@matrix.test", "Outsider", "password-OUTSIDER", false).value();
		ApiClient outsider = ApiClient.signIn(port, "outsider@matrix.test", "password-OUTSIDER");
		aProduct("OTH").named("Other").createdBy(outsider);
		for (String email : roleOf.keySet()) {
			String password = "password-" + roleOf.get(email).name();
			api.put(email, ApiClient.signIn(port, email, password));
			ui.put(email, BrowserlessSession.signIn(port, email, password));
		}
		api.put("outsider@matrix.test", outsider);
		ui.put("outsider@matrix.test", BrowserlessSession.signIn(port, "outsider@matrix.test", "password-OUTSIDER"));
		api.put(ADMIN_EMAIL, admin);
		ui.put(ADMIN_EMAIL, BrowserlessSession.signIn(port, ADMIN_EMAIL, ADMIN_PASSWORD));
	}

	/** A drafted message to a customer: an item their feedback is linked to is done. */
	private long followup(TestProduct product) {
		String item = aStory("Asked for").estimate(1).ready().in(product);
		long customer = aCustomer("Matrix asker").contact("Fay Asker", "fay@matrix.test").in(product);
		long feedback = someFeedback("Please build it").from(customer).in(product);
		api().post("/api/v1/products/MTX/feedback/" + feedback + "/links",
				"{\"item\":\"" + item + "\",\"importance\":\"IMPORTANT\"}");
		product.finish(item);
		return api().get("/api/v1/products/MTX/followups").json().get(0).get("id").asLong();
	}

	private List<String> routes() {
		return Routes.of(mappings);
	}

	@Test
	void everyRouteIsInTheMatrix() {
		Set<String> missing = new TreeSet<>();
		for (String route : routes()) {
			if (!MATRIX.containsKey(route) && !isFrameworkPublic(route.substring(route.indexOf(' ') + 1))) {
				missing.add(route);
			}
		}
		assertThat(missing).as("routes without an authorization rule in the matrix").isEmpty();
		assertThat(routes()).hasSizeGreaterThan(60);
	}

	@Test
	void everyRouteAnswersEachCallerAsItsRuleSays() {
		List<String> failures = new ArrayList<>();
		for (String route : routes()) {
			String method = route.substring(0, route.indexOf(' '));
			Rule rule = MATRIX.get(route);
			if (rule == null || rule instanceof Public) {
				continue;
			}
			String path = concrete(route.substring(route.indexOf(' ') + 1));
			boolean isApi = path.startsWith("/api/");
			check(failures, route, "anonymous", call(isApi, null, method, path),
					isApi ? Outcome.UNAUTHENTICATED : Outcome.TO_SIGN_IN, false);
			for (String who : callers()) {
				String pattern = route.substring(route.indexOf(' ') + 1);
				String own = fresh(route).map(id -> concrete(pattern.contains("{replyId}")
						? pattern.replace("{replyId}", id) : pattern.replace("{id}", id).replace("{userId}", id)))
					.orElse(path);
				check(failures, route, who, call(isApi, who, method, own), expected(rule, who),
						rule instanceof Product);
			}
		}
		assertThat(failures).isEmpty();
	}

	/**
	 * The metrics (actuator endpoints, outside the request mappings): administrators
	 * only, by bearer token or by signed-in session; 401 for anonymous callers, never a
	 * redirect to sign in. Health stays public for probes and load balancers.
	 */
	@Test
	void theMetricsAnswerOnlyAdministrators() {
		List<String> failures = new ArrayList<>();
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/jvm.memory.used")) {
			for (boolean token : new boolean[] { true, false }) {
				String route = "GET " + path + (token ? " (token)" : " (session)");
				check(failures, route, "anonymous", call(token, null, "GET", path), Outcome.UNAUTHENTICATED, false);
				for (String who : callers()) {
					check(failures, route, who, call(token, who, "GET", path), expected(new Admin(), who), false);
				}
			}
		}
		assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
		assertThat(anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(failures).isEmpty();
	}

	/**
	 * The portal-visitor row: a visitor signed in to MTX's portal is anonymous to every
	 * team page and API route (it is no authentication), and the portal's own routes
	 * answer visitors and anonymous callers alike, acting only for the signed-in visitor.
	 */
	@Test
	void aPortalVisitorIsAnonymousToEveryTeamRoute() {
		BrowserlessSession visitor = BrowserlessSession.anonymous(port);
		assertThat(visitor.post("/portal/MTX/sign-in/" + PortalMatrixRows.TOKEN, java.util.Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(visitor.get("/portal/MTX").body()).contains("visitor@matrix.test");
		List<String> failures = new ArrayList<>();
		for (String route : routes()) {
			String method = route.substring(0, route.indexOf(' '));
			Rule rule = MATRIX.get(route);
			if (rule == null || rule instanceof Public || !(method.equals("GET") || method.equals("POST"))) {
				continue;
			}
			String path = concrete(route.substring(route.indexOf(' ') + 1));
			var r = visitor.send(method, path);
			boolean api = path.startsWith("/api/");
			check(failures, route, "portal visitor",
					new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body()),
					api ? Outcome.UNAUTHENTICATED : Outcome.TO_SIGN_IN, false);
		}
		assertThat(failures).isEmpty();
		String vote = "/portal/MTX/ideas/" + portalIdeaId + "/vote";
		assertThat(BrowserlessSession.anonymous(port).post(vote, java.util.Map.of()).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/portal/MTX/sign-in"));
		assertThat(visitor.post(vote, java.util.Map.of()).headers().firstValue("Location"))
			.hasValueSatisfying(l -> assertThat(l).endsWith("/portal/MTX/ideas/" + portalIdeaId));
		assertThat(anonymous().get("/portal/MTX/ideas.json").text()).contains("Matrix idea");
	}

	private List<String> callers() {
		List<String> callers = new ArrayList<>(List.of("outsider@matrix.test"));
		List<ProductRole> leastFirst = List.of(ProductRole.VIEWER, ProductRole.STAKEHOLDER, ProductRole.MEMBER,
				ProductRole.MANAGER, ProductRole.OWNER);
		leastFirst.forEach(r -> callers.add(r.name().toLowerCase() + "@matrix.test"));
		callers.add(ADMIN_EMAIL);
		return callers;
	}

	enum Outcome {

		ALLOWED, FORBIDDEN, HIDDEN, UNAUTHENTICATED, TO_SIGN_IN

	}

	private Outcome expected(Rule rule, String who) {
		boolean admin = ADMIN_EMAIL.equals(who);
		if (rule instanceof Authenticated) {
			return Outcome.ALLOWED;
		}
		if (rule instanceof Admin) {
			return admin ? Outcome.ALLOWED : Outcome.FORBIDDEN;
		}
		Permission permission = ((Product) rule).permission();
		if (admin) {
			return Outcome.ALLOWED;
		}
		ProductRole role = roleOf.get(who);
		if (role == null) {
			return Outcome.HIDDEN;
		}
		return role.allows(permission) ? Outcome.ALLOWED : Outcome.FORBIDDEN;
	}

	record Answer(int status, String location, String body) {
	}

	private Answer call(boolean isApi, String who, String method, String path) {
		if (isApi) {
			ApiClient client = who == null ? anonymous() : api.get(who);
			String body = "GET".equals(method) || "DELETE".equals(method) ? null : "{}";
			var r = client.send(method, path, body, null);
			return new Answer(r.status(), null, r.text());
		}
		BrowserlessSession session = who == null ? BrowserlessSession.anonymous(port) : ui.get(who);
		var r = session.send(method, path);
		return new Answer(r.statusCode(), r.headers().firstValue("Location").orElse(null), r.body());
	}

	/** A theme of MTX: the first there is, after a recompute when there is none. */
	private static long currentTheme(ApiClient admin) {
		if (admin.get("/api/v1/products/MTX/insights/themes").json().isEmpty()) {
			admin.post("/api/v1/products/MTX/insights/recompute", null);
			dev.priora.support.Eventually.eventually()
				.alias("the themes of MTX")
				.until(() -> admin.get("/api/v1/products/MTX/insights/themes").json().size() > 0);
		}
		return admin.get("/api/v1/products/MTX/insights/themes").json().get(0).get("id").asLong();
	}

	/**
	 * A fresh object for each call of a page route that removes the object its path names
	 * (pages answer 404 for an object that is not there, as the API does), made by the
	 * admin; empty for other routes.
	 */
	private java.util.Optional<String> fresh(String route) {
		String n = String.valueOf(++spares);
		String base = "/api/v1/products/MTX";
		ApiClient admin = api.get(ADMIN_EMAIL);
		if (route.contains("/insights/themes/{id}")) {
			// the callers before may have merged or split the theme away
			return java.util.Optional.of(String.valueOf(currentTheme(admin)));
		}
		String id = switch (route) {
			case "POST /p/{key}/scenarios/{id}/delete", "DELETE /api/v1/products/{productKey}/scenarios/{id}" ->
				admin.post(base + "/scenarios", "{\"name\":\"Spare " + n + "\"}").json().get("id").asText();
			case "POST /p/{key}/releases/{id}/delete" ->
				admin.post(base + "/releases", "{\"name\":\"Spare " + n + "\"}").json().get("id").asText();
			case "POST /p/{key}/sprints/{id}/delete" -> admin
				.post(base + "/sprints",
						"{\"name\":\"Spare " + n + "\",\"start\":\"2027-03-01\",\"end\":\"2027-03-14\"}")
				.json()
				.get("id")
				.asText();
			case "POST /p/{key}/public-forms/{id}/revoke" -> {
				forms.create("MTX", accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
				yield String.valueOf(forms.forms("MTX").get(0).id());
			}
			case "POST /p/{key}/roadmap/links/{id}/revoke" -> {
				admin.post(base + "/roadmap/links", null);
				yield admin.get(base + "/roadmap/links").json().get(0).get("id").asText();
			}
			case "POST /p/{key}/scoring/models/{id}/delete" ->
				admin
					.post(base + "/scoring-models",
							"{\"name\":\"Spare " + n + "\",\"definition\":{\"formula\":\"SUM\","
									+ "\"criteria\":[{\"key\":\"v\",\"label\":\"V\",\"role\":\"BENEFIT\","
									+ "\"scale\":{\"type\":\"fibonacci\"}}]}}")
					.json()
					.get("id")
					.asText();
			case "POST /p/{key}/backlog/bulk/{id}/undo" ->
				admin.post(base + "/bulk-changes", "{\"items\":[\"MTX-2\"],\"label\":\"spare" + n + "\"}")
					.json()
					.get("changeId")
					.asText();
			case "POST /p/{key}/team/{id}", "POST /p/{key}/team/{id}/remove" ->
				admin.post(base + "/team", "{\"name\":\"Spare " + n + "\",\"capacity\":1}").json().get("id").asText();
			case "POST /p/{key}/members/{userId}/remove", "POST /p/{key}/members/{userId}/role" -> {
				String email = "spare" + n + "@matrix.test";
				UserId spare = accounts.createUser(email, "Spare " + n, "password-spare", false);
				roles.grant("MTX", email, ProductRole.VIEWER, accounts.findByEmail(ADMIN_EMAIL).orElseThrow().id());
				yield String.valueOf(spare.value());
			}
			default -> PortalMatrixRows.REPLY_ROUTES.contains(route)
					? String.valueOf(PortalMatrixRows.reply(jdbc, portalIdeaId, "matrix " + n)) : null;
		};
		return java.util.Optional.ofNullable(id);
	}

	/**
	 * A 404 counts as "hidden by authorization" on product routes only: the API's says
	 * the product does not exist; the UI's fixtures all exist, so any 404 there is the
	 * product being hidden.
	 */
	private static void check(List<String> failures, String route, String who, Answer a, Outcome expected,
			boolean productRoute) {
		boolean signIn = a.status() == 302 && a.location() != null && a.location().contains("/login");
		boolean api = route.contains(" /api/");
		boolean hidden = productRoute && a.status() == 404
				&& (!api || a.body() != null && a.body().contains("Product MTX does not exist"));
		boolean ok = switch (expected) {
			case UNAUTHENTICATED -> a.status() == 401;
			case TO_SIGN_IN -> signIn;
			case FORBIDDEN -> a.status() == 403;
			case HIDDEN -> a.status() == 404;
			case ALLOWED -> a.status() != 401 && a.status() != 403 && !signIn && !hidden && a.status() < 500;
		};
		if (!ok) {
			failures.add(route + " as " + who + ": expected " + expected + ", got " + a.status()
					+ (a.location() == null ? "" : " → " + a.location()));
		}
	}

	private String concrete(String pattern) {
		// assigning or clearing a customer gets feedback of its own: the customer must
		// keep feedback so that it
		// cannot be deleted halfway through the run
		return Routes.concrete(pattern.replace("/portal/ideas/{id}", "/portal/ideas/" + portalIdeaId)
			.replace("/followups/{id}", "/followups/" + followupId)
			.replace("/insights/themes/{id}", "/insights/themes/" + themeId)
			.replace("/refinement/sessions/{id}", "/refinement/sessions/" + sessionId)
			.replace("{action:reveal|revote|skip|close}", "revote")
			.replace("/feedback/{id}/customer", "/feedback/" + spareFeedbackId + "/customer")
			.replace("/feedback/{id}", "/feedback/" + feedbackId)
			.replace("/customers/{id}", "/customers/" + customerId)
			.replace("/feedback/import/{jobId}", "/feedback/import/" + jobId)
			.replace("/feedback/imports/{jobId}", "/feedback/imports/" + jobId)
			.replace("/import/{jobId}", "/import/" + backlogJobId)
			.replace("/imports/{jobId}", "/imports/" + backlogJobId)
			.replace("{jobId}", jobId)
			.replace("/scoring/models/{id}/delete", "/scoring/models/" + customModelId + "/delete")
			.replace("/scoring/models/{id}", "/scoring/models/" + modelId)
			.replace("{modelId}", String.valueOf(modelId))
			.replace("/p/{key}/plans/{id}", "/p/{key}/plans/" + planId)
			.replace("/scenarios/{id}", "/scenarios/" + scenarioId)
			.replace("{position}", "0")
			.replace("/p/{key}/releases/{id}/delete", "/p/{key}/releases/999999/delete")
			.replace("/p/{key}/releases/{id}", "/p/{key}/releases/" + releaseId)
			.replace("/p/{key}/sprints/{id}/delete", "/p/{key}/sprints/999999/delete")
			.replace("/p/{key}/sprints/{id}", "/p/{key}/sprints/" + sprintId)
			.replace("/p/{key}/webhooks/{id}/", "/p/{key}/webhooks/" + webhookId + "/")
			.replace("/p/{key}/webhooks/" + webhookId + "/deliveries/{deliveryId}",
					"/p/{key}/webhooks/" + webhookId + "/deliveries/" + deliveryId)
			.replace("/p/{key}/priority-order/{changeId}", "/p/{key}/priority-order/" + changeId)
			.replace("{action:start|close}", "start")
			.replace("{action:ping|pause|resume|delete}", "pause")
			.replace("{decision:confirm|dismiss}", "dismiss")
			.replace("{credentialId}", "unknown-passkey")
			.replace("{ref}", "0123456789abcdef")
			.replace("{action}", "cancel"), "MTX", "MTX-1", "MTX-2", outsiderId);
	}

}
