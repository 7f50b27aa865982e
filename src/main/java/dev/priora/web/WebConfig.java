package dev.priora.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class WebConfig implements WebMvcConfigurer {

	private final LayoutInterceptor layout;

	WebConfig(LayoutInterceptor layout) {
		this.layout = layout;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(layout).excludePathPatterns("/api/**", "/css/**", "/js/**", "/webjars/**");
	}

}
