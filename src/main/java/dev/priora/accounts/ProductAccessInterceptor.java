package dev.priora.accounts;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Checks every handler whose path names a product ({@code {productKey}} or
 * {@code {key}}): a user without a role there (or a token not scoped to it) gets 404, as
 * if the product did not exist; a role without the handler's {@link Requires} permission
 * gets 403. Reading handlers need READ; any other handler must declare what it needs, or
 * it is refused. Read-only tokens may only read, anywhere. An item key in the path
 * ({@code {itemKey}}, {@code {target}}) that names another product is not found either:
 * objects are always looked up within the path's product, so a caller who sees two
 * products cannot act on one through the other's path.
 */
@Component
class ProductAccessInterceptor implements HandlerInterceptor {

	/** Path variables that name an item of the path's product. */
	private static final List<String> ITEM_VARIABLES = List.of("itemKey", "target");

	private final ProductRoles roles;

	ProductAccessInterceptor(ProductRoles roles) {
		this.roles = roles;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod method)) {
			return true;
		}
		SignedInUser user = currentUser();
		boolean safe = isSafe(request.getMethod());
		if (user != null && user.scope().readOnly() && !safe) {
			throw ProductRoles.problem(HttpStatus.FORBIDDEN, "token", "this token may only read");
		}
		String key = productKey(request);
		Requires requires = method.getMethodAnnotation(Requires.class);
		if (user != null && user.scope().intakeOnly()
				&& (requires == null || requires.value() != Permission.SUBMIT_FEEDBACK)) {
			throw ProductRoles.problem(HttpStatus.FORBIDDEN, "token", "this token may only submit feedback");
		}
		if (key == null || user == null) {
			return true;
		}
		Optional<ProductRole> role = user.scope().reaches(key) ? roles.roleOf(user, key) : Optional.empty();
		if (role.isEmpty()) {
			throw ProductRoles.notFound("Product " + key);
		}
		Permission needed = requires != null ? requires.value() : safe ? Permission.READ : null;
		ProductAccess access = new ProductAccess(user.id(), key, role.get(), user.scope().readOnly());
		if (needed == null || !access.can(needed)) {
			throw ProductRoles.problem(HttpStatus.FORBIDDEN, "role",
					"your role (" + role.get().label() + ") may not do this in " + key);
		}
		refuseItemsOfOtherProducts(variables(request), key);
		request.setAttribute(ProductAccess.ATTRIBUTE, access);
		return true;
	}

	/**
	 * An item in the path ({@code PAY-42}, or just {@code 42}) must be one of the path's
	 * product: another product's item is not found, whether or not it exists.
	 */
	private static void refuseItemsOfOtherProducts(Map<String, String> variables, String productKey) {
		for (String name : ITEM_VARIABLES) {
			String value = variables.get(name);
			if (value == null) {
				continue;
			}
			int dash = value.lastIndexOf('-');
			if (dash >= 0 && !value.substring(0, dash).strip().toUpperCase(Locale.ROOT).equals(productKey)) {
				throw ProductRoles.notFound("Item " + value);
			}
		}
	}

	static String productKey(HttpServletRequest request) {
		Map<String, String> map = variables(request);
		String key = map.getOrDefault("productKey", map.get("key"));
		return key == null ? null : key.toUpperCase(Locale.ROOT);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> variables(HttpServletRequest request) {
		Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		return vars instanceof Map<?, ?> map ? (Map<String, String>) map : Map.of();
	}

	private static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	static SignedInUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
	}

}
