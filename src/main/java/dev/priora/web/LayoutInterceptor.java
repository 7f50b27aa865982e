package dev.priora.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * Adds what the layout shell shows (see {@link Shell}) to every rendered page, and to no
 * JSON answer or redirect.
 */
@Component
class LayoutInterceptor implements HandlerInterceptor {

	private final Shell shell;

	LayoutInterceptor(Shell shell) {
		this.shell = shell;
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav) {
		if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
			return;
		}
		shell.attributes(request).forEach((name, value) -> {
			if (!mav.getModel().containsKey(name)) {
				mav.addObject(name, value);
			}
		});
	}

}
