package dev.priora.mail;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders an e-mail's two bodies from Thymeleaf templates on the class path:
 * {@code templates/mail/NAME.html} (HTML mode, inside the one mail layout
 * {@code templates/mail/layout.html}: {@code th:replace="~{mail/layout.html ::
 * layout(~{::main})}"}) and {@code templates/mail/NAME.txt} (TEXT mode,
 * {@code [(${value})]}). Its own template engine, apart from the pages' view resolver, so
 * a mail template is never a page and a page is never a mail. Every template gets
 * {@code baseUrl} (PRIORA_BASE_URL, or null).
 */
@Component
@NamedInterface("outbox")
public class MailTemplates {

	private final SpringTemplateEngine engine = new SpringTemplateEngine();

	private final MailSettings settings;

	MailTemplates(MailSettings settings) {
		this.settings = settings;
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "mail/*.html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "mail/*.txt", 2));
	}

	/**
	 * The plain-text and HTML bodies of template {@code name} (a path under
	 * {@code templates/mail/}, without the extension) with these variables.
	 */
	public MailBody render(String name, Map<String, ?> variables) {
		if (!name.matches("[a-z0-9-]+(/[a-z0-9-]+)*")) {
			throw new IllegalArgumentException("a mail template's name is lower-case words: " + name);
		}
		Map<String, Object> vars = new HashMap<>(variables);
		vars.put("baseUrl", settings.baseUrl().orElse(null));
		Context context = new Context(Locale.ENGLISH, vars);
		return new MailBody(engine.process("mail/" + name + ".txt", context),
				engine.process("mail/" + name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver r = new ClassLoaderTemplateResolver();
		r.setPrefix("templates/");
		r.setTemplateMode(mode);
		r.setResolvablePatterns(Set.of(pattern));
		r.setCharacterEncoding(StandardCharsets.UTF_8.name());
		r.setCacheable(true);
		r.setOrder(order);
		return r;
	}

}
