package dev.priora.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.accounts.ProductRole;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ProductService;
import dev.priora.backlog.ProductView;

/**
 * What the layout shell shows around every page: the signed-in user, the products they
 * may see, the current product's sidebar (filtered by their role) with the current entry,
 * and the role's permissions as {@code canEdit}, {@code canManage}… The product of a
 * product page is remembered in the session, so pages outside a product (your account,
 * admin) keep the last product's sidebar. A product page's model holds its product key as
 * {@code productKey}, so no controller adds it.
 */
@Component
class Shell {

	static final String LAST_PRODUCT = "dev.priora.web.lastProduct";

	private record Def(String key, String label, String path, List<String> prefixes, Permission needs,
			String shortcut) {
	}

	private record GroupDef(String label, List<Def> entries) {
	}

	private static final List<GroupDef> SIDEBAR = List.of(
			new GroupDef("Discover", List.of(def("inbox", "Inbox", "/feedback", "g i", "/public-forms"),
					def("customers", "Customers", "/customers", "g c"),
					def("followups", "Tell customers", "/followups", "g l"), def("portal", "Portal", "/portal", "g p"),
					def("insights", "Insights", "/insights", "g a"))),
			new GroupDef("Decide",
					List.of(def("scores", "Scores", "/scoring", "g s"),
							def("map", "Priority map", "/priority-map", "g x"),
							def("order", "Order by score", "/priority-order", "g o"),
							def("dependencies", "Dependencies", "/dependencies", "g d"))),
			new GroupDef("Plan",
					List.of(def("backlog", "Backlog", "/backlog", "g b", "/items"),
							def("refinement", "Refinement", "/refinement", "g e"),
							def("releases", "Releases", "/releases", "g r", "/plans"),
							def("scenarios", "Scenarios", "/scenarios", "g v"),
							def("roadmap", "Roadmap", "/roadmap", "g m"), def("health", "Health", "/health", "g q"))),
			new GroupDef("Deliver",
					List.of(def("board", "Board", "/board", "g k", "/sprints"),
							def("charts", "Charts", "/charts", "g h"), def("team", "Team", "/team", "g t"))),
			new GroupDef("Product",
					List.of(new Def("import", "Import", "/import", List.of("/import"), Permission.EDIT_BACKLOG, ""),
							def("members", "Members", "/members", ""),
							def("settings", "Settings", "/settings", "", "/webhooks"))));

	private static Def def(String key, String label, String path, String shortcut, String... more) {
		List<String> prefixes = new ArrayList<>(List.of(path));
		prefixes.addAll(List.of(more));
		return new Def(key, label, path, prefixes, Permission.READ, shortcut);
	}

	private final ProductService products;

	private final ProductRoles roles;

	Shell(ProductService products, ProductRoles roles) {
		this.products = products;
		this.roles = roles;
	}

	/** The model attributes of the shell for this request (empty for a visitor). */
	Map<String, Object> attributes(HttpServletRequest request) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("htmx", "true".equals(request.getHeader("HX-Request")));
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (!(auth != null && auth.getPrincipal() instanceof SignedInUser user)) {
			return model;
		}
		model.put("currentUser", user.displayName());
		model.put("isAdmin", user.admin());
		List<ProductView> visible = products.list().stream().filter(p -> roles.canSee(user, p.key())).toList();
		model.put("navProducts", visible);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		ProductAccess access = request.getAttribute(ProductAccess.ATTRIBUTE) instanceof ProductAccess a ? a : null;
		Optional<ProductView> here = visible.stream()
			.filter(p -> access != null && p.key().equals(access.productKey()))
			.findFirst();
		if (here.isPresent()) {
			rememberProduct(request, access.productKey());
			product(model, here.get(), access);
			model.put("shellNav", nav(here.get().key(), here.get().name(), access::can, path, true));
		}
		else {
			lastProduct(request, visible).ifPresent(p -> {
				ProductRole role = roles.roleOf(user, p.key()).orElseThrow();
				model.put("shellNav", nav(p.key(), p.name(), role::allows, path, false));
			});
		}
		return model;
	}

	/** The product page's product, unit and what the role may do there. */
	private static void product(Map<String, Object> model, ProductView product, ProductAccess access) {
		model.put("productKey", product.key());
		model.put("role", access.role().label());
		model.put("navKey", product.key());
		model.put("navName", product.name());
		model.put("unit", product.estimateUnit().label());
		model.put("unitShort", product.estimateUnit().shortLabel());
		model.put("canEdit", access.can(Permission.EDIT_BACKLOG));
		model.put("canWork", access.can(Permission.WORK_ITEMS));
		model.put("canManage", access.can(Permission.MANAGE_PRODUCT));
		model.put("canRoadmap", access.can(Permission.MANAGE_ROADMAP));
		model.put("canComment", access.can(Permission.COMMENT));
		model.put("canSubmit", access.can(Permission.SUBMIT_FEEDBACK));
	}

	static ShellNav nav(String key, String name, Predicate<Permission> may, String path, boolean inProduct) {
		String base = "/p/" + key;
		Def best = inProduct && path.startsWith(base + "/") ? entryOf(path.substring(base.length())) : null;
		List<ShellNav.Group> groups = new ArrayList<>();
		ShellNav.Entry current = null;
		for (GroupDef g : SIDEBAR) {
			List<ShellNav.Entry> entries = new ArrayList<>();
			for (Def d : g.entries()) {
				if (may.test(d.needs())) {
					var e = new ShellNav.Entry(d.key(), d.label(), base + d.path(), d.shortcut(), g.label(), d == best);
					entries.add(e);
					current = d == best ? e : current;
				}
			}
			if (!entries.isEmpty()) {
				groups.add(new ShellNav.Group(g.label(), entries));
			}
		}
		return new ShellNav(key, name, groups, current, inProduct);
	}

	/**
	 * The page a path of a product belongs to (its sidebar entry, e.g. the releases page
	 * for {@code /p/SHOP/plans/3/apply}), the product's backlog when no entry claims it,
	 * and the start page for a path outside the products.
	 */
	static String home(String path) {
		if (!path.startsWith("/p/")) {
			return "/";
		}
		int slash = path.indexOf('/', 3);
		String base = slash < 0 ? path : path.substring(0, slash);
		Def best = entryOf(slash < 0 ? "" : path.substring(slash));
		return base + (best == null ? "/backlog" : best.path());
	}

	/**
	 * The sidebar entry whose path prefix is the longest one {@code rest} (a path within
	 * a product) starts with, or null.
	 */
	private static Def entryOf(String rest) {
		Def best = null;
		int bestLength = 0;
		for (GroupDef g : SIDEBAR) {
			for (Def d : g.entries()) {
				int length = matching(d, rest);
				if (length > bestLength) {
					best = d;
					bestLength = length;
				}
			}
		}
		return best;
	}

	/** The length of the entry's longest path prefix that the page's path starts with. */
	private static int matching(Def d, String rest) {
		return d.prefixes()
			.stream()
			.filter(p -> rest.equals(p) || rest.startsWith(p + "/"))
			.mapToInt(String::length)
			.max()
			.orElse(0);
	}

	private static void rememberProduct(HttpServletRequest request, String key) {
		HttpSession session = request.getSession(false);
		if (session != null && !key.equals(session.getAttribute(LAST_PRODUCT))) {
			session.setAttribute(LAST_PRODUCT, key);
		}
	}

	/** The product last visited in this session, else the first one the user may see. */
	private static Optional<ProductView> lastProduct(HttpServletRequest request, List<ProductView> visible) {
		HttpSession session = request.getSession(false);
		Object key = session == null ? null : session.getAttribute(LAST_PRODUCT);
		return visible.stream().filter(p -> p.key().equals(key)).findFirst().or(() -> visible.stream().findFirst());
	}

}
