package dev.priora.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import dev.priora.accounts.SignedInUser;
import dev.priora.backlog.ProductService;

/**
 * Adds what the layout shell shows (products, signed-in user) to every rendered page, and
 * to no JSON answer.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final ProductService products;

	LayoutInterceptor(ProductService products) {
		this.products = products;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
		if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
			return;
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
			mav.addObject("currentUser", user.displayName());
			mav.addObject("navProducts", products.list());
		}
		mav.addObject("htmx", "true".equals(request.getHeader("HX-Request")));
	}

}
