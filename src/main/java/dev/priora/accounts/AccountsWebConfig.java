package dev.priora.accounts;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AccountsWebConfig implements WebMvcConfigurer {

	private final ProductAccessInterceptor access;

	AccountsWebConfig(ProductAccessInterceptor access) {
		this.access = access;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(access).order(0);
	}

}
