package dev.priora.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The single sign-on policy, issuer addresses and group claims, without Spring. */
class SsoPolicyTest {

	@Test
	void signUpIsAllowedOnlyWhenOnAndForAListedDomain() {
		SsoPolicy off = new SsoPolicy(false, List.of(), "groups", true, null, false, 0);
		SsoPolicy any = new SsoPolicy(true, List.of(), "groups", true, null, false, 0);
		SsoPolicy listed = new SsoPolicy(true, List.of("example.com"), "groups", true, null, false, 0);
		assertThat(off.mayCreate("a@example.com")).isFalse();
		assertThat(any.mayCreate("a@elsewhere.org")).isTrue();
		assertThat(listed.mayCreate("a@example.com")).isTrue();
		assertThat(listed.mayCreate("a@sub.example.com")).isFalse();
		assertThat(listed.mayCreate("a@example.com.evil.org")).isFalse();
	}

	@Test
	void withPasswordSignInOffOnlyTheBreakGlassAdminMayUseAPassword() {
		SsoPolicy off = new SsoPolicy(false, List.of(), "groups", false, "root@example.com", false, 0);
		assertThat(off.passwordAllowedFor("root@example.com")).isTrue();
		assertThat(off.passwordAllowedFor("someone@example.com")).isFalse();
		assertThat(new SsoPolicy(false, List.of(), "groups", true, null, false, 0).passwordAllowedFor("x@y.z"))
			.isTrue();
	}

	@Test
	void issuerAddressesMustBeAbsoluteHttpWithoutQuery() {
		assertThat(SsoIssuers.problemWith("https://login.example.com/realms/team")).isNull();
		assertThat(SsoIssuers.problemWith("http://localhost:8081")).isNull();
		assertThat(SsoIssuers.problemWith("login.example.com")).contains("http(s)");
		assertThat(SsoIssuers.problemWith("ftp://login.example.com")).contains("http(s)");
		assertThat(SsoIssuers.problemWith("https://login.example.com/?x=1")).contains("query");
		assertThat(SsoIssuers.problemWith(" ")).isEqualTo("is missing");
	}

	@Test
	void groupsComeAsAListOrAsOneSeparatedString() {
		assertThat(SsoAccounts.groups(List.of("a", "b"))).containsExactly("a", "b");
		assertThat(SsoAccounts.groups("a, b c")).containsExactly("a", "b", "c");
		assertThat(SsoAccounts.groups(null)).isEmpty();
		assertThat(SsoAccounts.groups(42)).isEmpty();
	}

}
