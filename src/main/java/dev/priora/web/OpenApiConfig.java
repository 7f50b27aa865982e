package dev.priora.web;

import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * The OpenAPI document's title, version and description (shown by Swagger UI at
 * {@code /swagger-ui.html}), and the bearer token every call needs.
 */
@Configuration
class OpenApiConfig {

	static final String TITLE = "Priora API";

	@Bean
	OpenAPI prioraOpenApi() {
		String version = Optional.ofNullable(OpenApiConfig.class.getPackage().getImplementationVersion()).orElse("1");
		return new OpenAPI()
			.info(new Info().title(TITLE)
				.version(version)
				.description("""
						Priora's REST API, version 1, under `/api/v1`: products and their backlogs, feedback and \
						customers, scores and the order by score, releases, sprints and plans, progress and \
						forecasts, the roadmap, imports, exports and webhooks. Send a personal token \
						(Your account → Tokens) as `Authorization: Bearer <token>`; a signed-in browser session may \
						also read (GET). Errors are RFC 9457 problem+json naming the field at fault.""")
				.license(new License().name("Self-hosted")))
			.components(new Components().addSecuritySchemes("bearer",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.description("A personal token")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

}
