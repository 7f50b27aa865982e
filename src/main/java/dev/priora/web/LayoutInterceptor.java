package dev.priora.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import dev.priora.accounts.Permission;
import dev.priora.accounts.ProductAccess;
import dev.priora.accounts.ProductRoles;
import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ProductService;

/**
 * Adds what the layout shell shows (products, signed-in user) to every rendered page, and
 * to no JSON answer.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final ProductService products;

	private final ProductRoles roles;

	LayoutInterceptor(ProductService products, ProductRoles roles) {
		this.products = products;
		this.roles = roles;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
		if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
			mav.addObject("currentUser", user.displayName());
			mav.addObject("isAdmin", user.admin());
			mav.addObject("navProducts", products.list().stream().filter(p -> roles.canSee(user, p.key())).toList());
		}
		mav.addObject("htmx", "true".equals(request.getHeader("HX-Request")));
		if (request.getAttribute(ProductAccess.ATTRIBUTE) instanceof ProductAccess access) {
			mav.addObject("role", access.role().label());
			mav.addObject("navKey", access.productKey());
			var product = products.get(access.productKey());
			mav.addObject("navName", product.name());
			mav.addObject("unit", product.estimateUnit().label());
			mav.addObject("unitShort", product.estimateUnit().shortLabel());
			mav.addObject("canEdit", access.can(Permission.EDIT_BACKLOG));
			mav.addObject("canWork", access.can(Permission.WORK_ITEMS));
			mav.addObject("canManage", access.can(Permission.MANAGE_PRODUCT));
			mav.addObject("canRoadmap", access.can(Permission.MANAGE_ROADMAP));
			mav.addObject("canComment", access.can(Permission.COMMENT));
			mav.addObject("canSubmit", access.can(Permission.SUBMIT_FEEDBACK));
		}
	}

}
