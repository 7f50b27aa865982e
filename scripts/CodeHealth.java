import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * Code-health counts of a source tree, parsed with the JDK's own compiler API (no
 * dependency): lines per top-level class file and per method (from its signature to its
 * closing brace, Javadoc excluded), and of the JUnit test methods among them (a third
 * line, for a test tree). Run: {@code java scripts/CodeHealth.java src/main/java [--list]}.
 */
public class CodeHealth {

	/** The annotations that make a method a JUnit test. */
	static final java.util.Set<String> TEST_ANNOTATIONS = java.util.Set.of("Test", "ParameterizedTest",
			"RepeatedTest", "TestFactory", "org.junit.jupiter.api.Test",
			"org.junit.jupiter.params.ParameterizedTest");

	record Method(Path file, String name, long line, long lines, boolean test) {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(args.length > 0 ? args[0] : "src/main/java");
		boolean list = args.length > 1 && args[1].equals("--list");
		List<Path> files;
		try (Stream<Path> s = Files.walk(root)) {
			files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
		}
		List<Method> methods = new ArrayList<>();
		List<long[]> classLines = new ArrayList<>();
		java.util.Map<String, Path> byUri = new java.util.HashMap<>();
		files.forEach(f -> byUri.put(f.toUri().toString(), f));
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, null)) {
			JavacTask task = (JavacTask) javac.getTask(null, fm, d -> {
			}, List.of("-proc:none"), null, fm.getJavaFileObjectsFromPaths(files));
			SourcePositions positions = Trees.instance(task).getSourcePositions();
			for (CompilationUnitTree unit : task.parse()) {
				Path file = byUri.get(unit.getSourceFile().toUri().toString());
				LineMap lines = unit.getLineMap();
				new TreePathScanner<Void, Void>() {
					@Override
					public Void visitMethod(MethodTree m, Void v) {
						if (m.getBody() != null) {
							long start = lines.getLineNumber(positions.getStartPosition(unit, m));
							long end = lines.getLineNumber(positions.getEndPosition(unit, m));
							String owner = ((ClassTree) getCurrentPath().getParentPath().getLeaf()).getSimpleName()
								.toString();
							String name = m.getName().contentEquals("<init>") ? owner : m.getName().toString();
							boolean test = m.getModifiers()
								.getAnnotations()
								.stream()
								.anyMatch(a -> TEST_ANNOTATIONS.contains(a.getAnnotationType().toString()));
							methods.add(
									new Method(root.relativize(file), owner + "." + name, start, end - start + 1, test));
						}
						return super.visitMethod(m, v);
					}
				}.scan(unit, null);
				classLines.add(new long[] { Files.readAllLines(file).size(), files.indexOf(file) });
			}
		}
		methods.sort(Comparator.comparingLong(Method::lines).reversed());
		classLines.sort(Comparator.comparingLong((long[] c) -> c[0]).reversed());
		System.out.printf("classes over 200 / 300 / 400 lines: %d / %d / %d%n", count(classLines, 200),
				count(classLines, 300), count(classLines, 400));
		System.out.printf("methods over 25 / 60 / 80 lines: %d / %d / %d%n",
				methods.stream().filter(m -> m.lines() > 25).count(), methods.stream().filter(m -> m.lines() > 60).count(),
				methods.stream().filter(m -> m.lines() > 80).count());
		List<Method> tests = methods.stream().filter(Method::test).toList();
		System.out.printf("test methods over 25 / 60 / 80 lines: %d / %d / %d%n",
				tests.stream().filter(m -> m.lines() > 25).count(), tests.stream().filter(m -> m.lines() > 60).count(),
				tests.stream().filter(m -> m.lines() > 80).count());
		if (list) {
			System.out.println("\nclasses over 300 lines:");
			classLines.stream()
				.filter(c -> c[0] > 300)
				.forEach(c -> System.out.println(c[0] + " " + root.relativize(files.get((int) c[1]))));
			System.out.println("\nmethods over 60 lines:");
			methods.stream()
				.filter(m -> m.lines() > 60)
				.forEach(m -> System.out.println(m.lines() + " " + m.name() + " (" + m.file() + ":" + m.line() + ")"
						+ (m.test() ? " test" : "")));
		}
	}

	private static long count(List<long[]> classLines, long over) {
		return classLines.stream().filter(c -> c[0] > over).count();
	}

}
