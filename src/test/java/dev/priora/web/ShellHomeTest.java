package dev.priora.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Where a refused form post without a referrer goes back to: the sidebar page its path
 * belongs to.
 */
class ShellHomeTest {

	@Test
	void aProductPathGoesToItsSidebarPage() {
		assertThat(Shell.home("/p/SHOP/plans/3/apply")).isEqualTo("/p/SHOP/releases");
		assertThat(Shell.home("/p/SHOP/releases/4/delete")).isEqualTo("/p/SHOP/releases");
		assertThat(Shell.home("/p/SHOP/feedback/12/links")).isEqualTo("/p/SHOP/feedback");
		assertThat(Shell.home("/p/SHOP/public-forms/2/revoke")).isEqualTo("/p/SHOP/feedback");
		assertThat(Shell.home("/p/SHOP/sprints/7/close")).isEqualTo("/p/SHOP/board");
		assertThat(Shell.home("/p/SHOP/webhooks/1/delete")).isEqualTo("/p/SHOP/settings");
	}

	@Test
	void aProductPathNoEntryClaimsGoesToTheBacklogAndOtherPathsToTheStart() {
		assertThat(Shell.home("/p/SHOP/release-forecasts")).isEqualTo("/p/SHOP/backlog");
		assertThat(Shell.home("/p/SHOP")).isEqualTo("/p/SHOP/backlog");
		assertThat(Shell.home("/account/password")).isEqualTo("/");
	}

}
