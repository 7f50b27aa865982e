package dev.priora.accounts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a handler needs in the product named by its path ({@code {productKey}}
 * or {@code {key}}). Reading handlers need {@link Permission#READ} by default; any other
 * method without this annotation is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Requires {

	Permission value();

}
