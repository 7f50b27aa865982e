package dev.priora.accounts;

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
 * it is refused. Read-only tokens may only read, anywhere.
 */
@Component
class ProductAccessInterceptor implements HandlerInterceptor {

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
			throw ProductRoles.problem(HttpStatus.NOT_FOUND, "product", "product " + key + " does not exist");
		}
		Permission needed = requires != null ? requires.value() : safe ? Permission.READ : null;
		ProductAccess access = new ProductAccess(user.id(), key, role.get(), user.scope().readOnly());
		if (needed == null || !access.can(needed)) {
			throw ProductRoles.problem(HttpStatus.FORBIDDEN, "role",
					"your role (" + role.get().label() + ") may not do this in " + key);
		}
		request.setAttribute(ProductAccess.ATTRIBUTE, access);
		return true;
	}

	@SuppressWarnings("unchecked")
	static String productKey(HttpServletRequest request) {
		Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (!(vars instanceof Map<?, ?> map)) {
			return null;
		}
		Object key = ((Map<String, String>) map).getOrDefault("productKey", ((Map<String, String>) map).get("key"));
		return key == null ? null : key.toString().toUpperCase(Locale.ROOT);
	}

	private static boolean isSafe(String method) {
		return "GET".equals(method) || "HEAD".equals(method) || "OPTIONS".equals(method);
	}

	static SignedInUser currentUser() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getPrincipal() instanceof SignedInUser user ? user : null;
	}

}
