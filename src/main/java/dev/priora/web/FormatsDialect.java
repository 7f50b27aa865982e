package dev.priora.web;

import java.time.Clock;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/** Makes {@link Formats} available to every template as {@code #fmt}. */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

	private final Formats formats;

	FormatsDialect(Clock clock) {
		super("Priora formats");
		this.formats = new Formats(clock);
	}

	@Override
	public IExpressionObjectFactory getExpressionObjectFactory() {
		return new IExpressionObjectFactory() {

			@Override
			public Set<String> getAllExpressionObjectNames() {
				return Set.of("fmt");
			}

			@Override
			public Object buildObject(IExpressionContext context, String name) {
				return formats;
			}

			@Override
			public boolean isCacheable(String name) {
				return true;
			}

		};
	}

}
