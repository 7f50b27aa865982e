package dev.priora.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

import org.junit.jupiter.api.Test;

import dev.priora.problem.DomainProblem;

class EmailIntakeTest {

	@Test
	void readsTheTextOfAnEverydayNestedMessageWithAttachments() {
		EmailIntake.Parsed mail = EmailIntake.parse(Mails.everyday());
		assertThat(mail.text()).isEqualTo("We need an Excel export of all orders.");
		assertThat(mail.fromEmail()).isEqualTo("ann@acme.example");
		assertThat(mail.subject()).isEqualTo("Export please");
	}

	@Test
	void readsTextAtTheDeepestLevelAllowed() {
		assertThat(EmailIntake.parse(Mails.nested(EmailIntake.MAX_DEPTH)).text()).isEqualTo("Deep down");
	}

	@Test
	void refusesNestingBeyondTheLimit() {
		DomainProblem problem = catchThrowableOfType(DomainProblem.class,
				() -> EmailIntake.parse(Mails.nested(20_000)));
		assertThat(problem.getBody().getDetail()).contains("more than " + EmailIntake.MAX_DEPTH + " levels deep");
		assertThat(problem.properties()).containsEntry("limit", "depth").containsEntry("max", EmailIntake.MAX_DEPTH);
		assertThat(catchThrowableOfType(DomainProblem.class,
				() -> EmailIntake.parse(Mails.nested(EmailIntake.MAX_DEPTH + 1)))
			.properties()).containsEntry("limit", "depth");
	}

	@Test
	void refusesTwentyThousandLevelsOrPartsInWellUnderASecondOfCpu() {
		ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
		String deep = Mails.nested(20_000);
		String flat = Mails.withAttachments(20_000);
		for (int round = 0; round < 2; round++) { // the first round loads and compiles
			long start = cpu.getCurrentThreadCpuTime();
			assertThat(catchThrowableOfType(DomainProblem.class, () -> EmailIntake.parse(deep)).properties())
				.containsEntry("limit", "depth");
			long deepMillis = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
			start = cpu.getCurrentThreadCpuTime();
			assertThat(catchThrowableOfType(DomainProblem.class, () -> EmailIntake.parse(flat)).properties())
				.containsEntry("limit", "parts");
			long flatMillis = (cpu.getCurrentThreadCpuTime() - start) / 1_000_000;
			if (round == 1) {
				assertThat(deepMillis).as("CPU milliseconds for 20,000 levels").isLessThan(500);
				assertThat(flatMillis).as("CPU milliseconds for 20,000 parts").isLessThan(500);
			}
		}
	}

	@Test
	void refusesMorePartsThanTheLimit() {
		assertThat(EmailIntake.parse(Mails.withAttachments(EmailIntake.MAX_PARTS - 1)).text())
			.isEqualTo("See attached");
		DomainProblem problem = catchThrowableOfType(DomainProblem.class,
				() -> EmailIntake.parse(Mails.withAttachments(EmailIntake.MAX_PARTS)));
		assertThat(problem.getBody().getDetail()).contains("more than " + EmailIntake.MAX_PARTS + " parts");
		assertThat(problem.properties()).containsEntry("limit", "parts");
	}

}
