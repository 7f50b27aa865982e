package dev.priora.accounts;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
class AccountsWebConfig implements WebMvcConfigurer {

	private final ProductAccessInterceptor access;

	private final SignedInSessions sessions;

	AccountsWebConfig(ProductAccessInterceptor access, SignedInSessions sessions) {
		this.access = access;
		this.sessions = sessions;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(access).order(0);
		registry.addInterceptor(sessions).order(1);
	}

}
