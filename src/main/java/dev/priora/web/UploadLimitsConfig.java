package dev.priora.web;

import jakarta.servlet.MultipartConfigElement;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.servlet.MultipartConfigFactory;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.unit.DataSize;

/**
 * What the servlet container itself may read, set from the body limits: multipart files
 * go to disk as they arrive, and neither multipart nor form bodies may exceed the largest
 * route limit. Each route's own limit is enforced before, by {@link BodyLimitFilter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class UploadLimitsConfig {

	@Bean
	MultipartConfigElement multipartConfigElement(BodyLimitSettings limits) {
		MultipartConfigFactory factory = new MultipartConfigFactory();
		factory.setMaxFileSize(DataSize.ofBytes(limits.largest()));
		factory.setMaxRequestSize(DataSize.ofBytes(limits.largest()));
		factory.setFileSizeThreshold(DataSize.ofBytes(0));
		return factory.createMultipartConfig();
	}

	@Bean
	TomcatConnectorCustomizer formPostLimit(BodyLimitSettings limits) {
		return connector -> connector.setMaxPostSize((int) Math.min(Integer.MAX_VALUE, limits.largest()));
	}

}
