package dev.priora.support;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * What one request cost the server: the SQL statements it executed (a JDBC batch counts
 * once) and the CPU time of the thread that served it. A request is probed when it
 * carries the header {@value #HEADER}; its result is kept under that header's value. Only
 * for an in-process server: add this class as a configuration source
 * ({@code @Import(RequestProbe.class)} in a test, a source of the
 * {@code SpringApplication} in a benchmark). It wraps the application's
 * {@code DataSource} with datasource-proxy.
 */
public class RequestProbe {

	public static final String HEADER = "X-Probe";

	/** One probed request: its statements in order, its thread's CPU and wall time. */
	public record Result(String path, List<String> statements, long cpuNanos, long wallNanos) {

		public int count() {
			return statements.size();
		}

	}

	private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();

	private static final Map<String, Result> RESULTS = new ConcurrentHashMap<>();

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	@Bean
	static BeanPostProcessor probedDataSource() {
		QueryExecutionListener listener = new QueryExecutionListener() {
			@Override
			public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
			}

			@Override
			public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
				List<String> statements = CURRENT.get();
				if (statements != null && !queries.isEmpty()) {
					statements.add(queries.get(0).getQuery().strip().replaceAll("\\s+", " "));
				}
			}
		};
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource ds && !(bean instanceof ProxyDataSource)) {
					return ProxyDataSourceBuilder.create(ds).name("probe").listener(listener).build();
				}
				return bean;
			}
		};
	}

	@Bean
	FilterRegistrationBean<Filter> requestProbeFilter() {
		FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(RequestProbe::probe);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

	private static void probe(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		String id = ((HttpServletRequest) request).getHeader(HEADER);
		if (id == null) {
			chain.doFilter(request, response);
			return;
		}
		List<String> statements = new ArrayList<>();
		CURRENT.set(statements);
		long cpu = THREADS.getCurrentThreadCpuTime();
		long wall = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			CURRENT.remove();
			RESULTS.put(id, new Result(((HttpServletRequest) request).getRequestURI(), List.copyOf(statements),
					THREADS.getCurrentThreadCpuTime() - cpu, System.nanoTime() - wall));
		}
	}

	/**
	 * The statements {@code work} executes on this thread (a JDBC batch counts once), in
	 * order; for a service call outside a request.
	 */
	public static List<String> statementsOf(Runnable work) {
		List<String> statements = new ArrayList<>();
		CURRENT.set(statements);
		try {
			work.run();
		}
		finally {
			CURRENT.remove();
		}
		return List.copyOf(statements);
	}

	/**
	 * The result of the probed request {@code id}, waiting up to 5 s for the server to
	 * finish it (a response may reach the client before the filter ends).
	 */
	public static Result await(String id) {
		long until = System.nanoTime() + 5_000_000_000L;
		while (System.nanoTime() < until) {
			Result r = RESULTS.remove(id);
			if (r != null) {
				return r;
			}
			Thread.onSpinWait();
		}
		throw new IllegalStateException("no probe result for request " + id);
	}

}
