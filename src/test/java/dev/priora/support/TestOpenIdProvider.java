package dev.priora.support;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A real OpenID provider (Spring Authorization Server) on a random loopback port, in its
 * own small context, for the single sign-on tests: its issuer is
 * {@code http://localhost:<port>} (another host name than Priora's 127.0.0.1, so the two
 * keep their cookies apart), one confidential client {@link #CLIENT_ID} that asks for
 * consent, and people added by the tests with an e-mail and {@code groups} claim in the
 * ID token. Started once per test JVM ({@link #shared()}).
 */
public final class TestOpenIdProvider {

	public static final String CLIENT_ID = "priora-test";

	public static final String CLIENT_SECRET = "test client secret";

	/** Who may sign in at the provider, and the claims it vouches for. */
	public record Person(String username, String password, String email, boolean emailVerified, List<String> groups) {
	}

	private static TestOpenIdProvider shared;

	private final Map<String, Person> people = new ConcurrentHashMap<>();

	private final Set<String> redirects = new CopyOnWriteArraySet<>();

	private final AnnotationConfigServletWebServerApplicationContext context;

	private TestOpenIdProvider() {
		context = new AnnotationConfigServletWebServerApplicationContext();
		context.registerBean(TestOpenIdProvider.class, () -> this);
		context.register(Idp.class);
		context.refresh();
	}

	/** The provider of this test JVM, started on first use. */
	public static synchronized TestOpenIdProvider shared() {
		if (shared == null) {
			shared = new TestOpenIdProvider();
			Runtime.getRuntime().addShutdownHook(new Thread(shared.context::close));
		}
		return shared;
	}

	public int port() {
		return context.getWebServer().getPort();
	}

	public String issuer() {
		return "http://localhost:" + port();
	}

	/** Lets the client come back to this address (Priora's callback). */
	public void allowRedirect(String uri) {
		redirects.add(uri);
	}

	/** Adds (or replaces) a person who can sign in at the provider. */
	public void add(Person person) {
		people.put(person.username(), person);
		context.getBean(InMemoryUserDetailsManager.class).deleteUser(person.username());
		context.getBean(InMemoryUserDetailsManager.class)
			.createUser(
					User.withUsername(person.username()).password("{noop}" + person.password()).roles("USER").build());
	}

	/**
	 * In Chromium, on the provider's pages the browser was sent to: signs in as the
	 * person and gives consent to every scope asked; the provider then sends the browser
	 * back to Priora.
	 */
	public static void signInAndConsent(com.microsoft.playwright.Page page, Person person) {
		page.waitForURL("http://localhost:*/login");
		page.locator("#username").fill(person.username());
		page.locator("#password").fill(person.password());
		page.locator("button[type=submit]").click();
		page.waitForURL("http://localhost:*/oauth2/authorize**");
		page.locator("input[name=scope]").all().forEach(com.microsoft.playwright.Locator::check);
		page.locator("#submit-consent").click();
	}

	private RegisteredClient client() {
		return RegisteredClient.withId("priora")
			.clientId(CLIENT_ID)
			.clientSecret("{noop}" + CLIENT_SECRET)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
			.clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
			.authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
			.redirectUris(r -> r.addAll(redirects.isEmpty() ? Set.of("http://127.0.0.1/none") : redirects))
			.scope(OidcScopes.OPENID)
			.scope(OidcScopes.EMAIL)
			.scope(OidcScopes.PROFILE)
			.clientSettings(ClientSettings.builder().requireAuthorizationConsent(true).build())
			.build();
	}

	/**
	 * The provider's beans; not a {@code @Configuration}, so that Priora's component scan
	 * of the test classes leaves it alone.
	 */
	@EnableWebSecurity
	static class Idp {

		@Bean
		TomcatServletWebServerFactory idpServer() {
			TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
			// No DispatcherServlet here: without a servlet mapped to "/" Tomcat answers
			// 404
			// before any filter runs, and the provider's endpoints are all filters.
			factory.setRegisterDefaultServlet(true);
			return factory;
		}

		@Bean
		SecurityFilterChain idpSecurity(HttpSecurity http) throws Exception {
			http.oauth2AuthorizationServer(as -> as.oidc(Customizer.withDefaults()))
				.authorizeHttpRequests(a -> a.anyRequest().authenticated())
				.formLogin(Customizer.withDefaults())
				.oauth2ResourceServer(rs -> rs.jwt(Customizer.withDefaults()))
				.exceptionHandling(
						e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
								new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
			return http.build();
		}

		@Bean
		InMemoryUserDetailsManager idpUsers() {
			return new InMemoryUserDetailsManager();
		}

		@Bean
		RegisteredClientRepository idpClients(TestOpenIdProvider provider) {
			return new RegisteredClientRepository() {

				/**
				 * The provider saves the client to upgrade its secret's encoding after a
				 * token request; the test client is rebuilt on each lookup, so there is
				 * nothing to keep (throwing here failed every token request).
				 */
				@Override
				public void save(RegisteredClient registeredClient) {
					// nothing kept
				}

				@Override
				public RegisteredClient findById(String id) {
					return "priora".equals(id) ? provider.client() : null;
				}

				@Override
				public RegisteredClient findByClientId(String clientId) {
					return CLIENT_ID.equals(clientId) ? provider.client() : null;
				}

			};
		}

		@Bean
		OAuth2TokenCustomizer<JwtEncodingContext> idpClaims(TestOpenIdProvider provider) {
			return token -> {
				if (OidcParameterNames.ID_TOKEN.equals(token.getTokenType().getValue())) {
					Person p = provider.people.get(token.getPrincipal().getName());
					if (p != null) {
						token.getClaims()
							.claim("email", p.email())
							.claim("email_verified", p.emailVerified())
							.claim("name", p.username())
							.claim("groups", p.groups());
					}
				}
			};
		}

		@Bean
		JWKSource<SecurityContext> idpKeys() throws NoSuchAlgorithmException {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			KeyPair pair = generator.generateKeyPair();
			RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic())
				.privateKey((RSAPrivateKey) pair.getPrivate())
				.keyID(UUID.randomUUID().toString())
				.build();
			return new ImmutableJWKSet<>(new JWKSet(key));
		}

		@Bean
		JwtDecoder idpJwtDecoder(JWKSource<SecurityContext> keys) {
			return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
		}

		@Bean
		AuthorizationServerSettings idpSettings() {
			return AuthorizationServerSettings.builder().build();
		}

	}

}
