package dev.priora.bench;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.priora.accounts.AccountService;
import dev.priora.accounts.UserId;
import dev.priora.backlog.ItemKey;
import dev.priora.backlog.ItemStatus;
import dev.priora.backlog.ProductService;
import dev.priora.planning.PlanningService;
import dev.priora.progress.Board;
import dev.priora.progress.BoardService;
import dev.priora.progress.TeamService;
import dev.priora.support.BrowserlessSession;

/**
 * The sprint board benchmark of docs/BENCHMARKS.md: a product of {@code items} items
 * (seeded by {@link BacklogSeeder}) with 500 of them planned into one sprint, eight team
 * members assigned round robin; measures the server-side time of building the board (no
 * lanes, lanes by assignee, by epic), of a card move, and of the whole board page over
 * HTTP. Arguments: {@code h2|postgres [items]}.
 */
public final class BoardBenchmark {

	private BoardBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String db = args.length > 0 ? args[0] : "h2";
		int n = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
		ConfigurableApplicationContext app = BenchServer.start(db);
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		UserId admin = app.getBean(AccountService.class).findByEmail("admin@localhost").orElseThrow().id();
		var product = app.getBean(ProductService.class).create("BOARD", "Board benchmark", "", admin);
		new BacklogSeeder(app.getBean(JdbcTemplate.class)).seed(product.id().value(), admin.value(), n, 7);
		PlanningService planning = app.getBean(PlanningService.class);
		TeamService team = app.getBean(TeamService.class);
		var release = planning.createRelease("BOARD", "R1", null, BigDecimal.valueOf(5000), false);
		var sprint = planning.createSprint("BOARD", "S1", java.time.LocalDate.now(),
				java.time.LocalDate.now().plusDays(13), BigDecimal.valueOf(3000), "", release.id());
		List<Long> members = new ArrayList<>();
		for (int m = 0; m < 8; m++) {
			members.add(team.add("BOARD", "Member " + m, m == 0 ? "admin@localhost" : "m" + m + "@example.com",
					BigDecimal.TEN, List.of())
				.id());
		}
		List<ItemKey> cards = new ArrayList<>();
		JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
		List<Long> numbers = jdbc.queryForList("select item_number from items where product_id = ? and item_type <> "
				+ "'EPIC' and status <> 'REJECTED' order by rank_key", Long.class, product.id().value());
		for (int i = 0; i < 500; i++) {
			ItemKey key = new ItemKey("BOARD", numbers.get(i * (numbers.size() / 500)));
			planning.assign(key, release.id(), sprint.id(), admin);
			team.assign(key, members.get(i % members.size()), admin);
			cards.add(key);
		}
		BoardService boards = app.getBean(BoardService.class);
		var plain = new BoardService.Query(null, null, Board.Lanes.NONE, false);
		int shown = boards.board("BOARD", plain, "admin@localhost")
			.columns()
			.stream()
			.mapToInt(Board.Column::count)
			.sum();
		System.out.printf(Locale.ROOT, "database=%s items=%d cards on the board=%d, %s%n", db, n, shown,
				BenchServer.load());
		measure("board, no lanes (server side)", 200, 1000, () -> boards.board("BOARD", plain, "admin@localhost"));
		measure("board, lanes by assignee (server side)", 200, 1000, () -> boards.board("BOARD",
				new BoardService.Query(null, null, Board.Lanes.ASSIGNEE, false), "admin@localhost"));
		measure("board, lanes by epic, mine (server side)", 200, 1000, () -> boards.board("BOARD",
				new BoardService.Query(null, null, Board.Lanes.EPIC, true), "admin@localhost"));
		boards.setWipLimits("BOARD", java.util.Map.of(ItemStatus.IN_PROGRESS, 50));
		Random random = new Random(3);
		var backlog = app.getBean(dev.priora.backlog.BacklogService.class);
		measure("move a card DONE <-> IN_PROGRESS, WIP checked (server)", 100, 500, () -> {
			ItemKey key = cards.get(random.nextInt(cards.size()));
			var item = backlog.item(key);
			ItemStatus to = item.status() == ItemStatus.DONE ? ItemStatus.IN_PROGRESS
					: item.status() == ItemStatus.IN_PROGRESS ? ItemStatus.DONE : null;
			return to == null ? null : boards.move(key, to, item.version(), plain, admin);
		});
		BrowserlessSession session = BrowserlessSession.signIn(port, "admin@localhost", BenchServer.PASSWORD);
		measure("board page over HTTP (HTML, one client)", 50, 300, () -> {
			var r = session.send("GET", "/p/BOARD/board");
			if (r.statusCode() != 200) {
				throw new IllegalStateException("board page answered " + r.statusCode());
			}
			return r;
		});
		System.out.printf(Locale.ROOT, "load average: %s%n",
				java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip());
		app.close();
		System.exit(0);
	}

	private static void measure(String name, int warmup, int runs, Supplier<?> call) {
		for (int i = 0; i < warmup; i++) {
			call.get();
		}
		long[] nanos = new long[runs];
		long[] cpu = new long[runs];
		var threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			long cpuStart = threads.getCurrentThreadCpuTime();
			call.get();
			cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		Arrays.sort(cpu);
		System.out.printf(Locale.ROOT,
				"%-50s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  (%d runs; this thread's CPU p50 %.2f, p99 %.2f ms)%n",
				name, nanos[runs / 2] / 1e6, nanos[(int) (runs * 0.99)] / 1e6, nanos[runs - 1] / 1e6, runs,
				cpu[runs / 2] / 1e6, cpu[(int) (runs * 0.99)] / 1e6);
	}

}
