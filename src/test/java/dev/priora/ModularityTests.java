package dev.priora;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ModularityTests {

	private static final ApplicationModules MODULES = ApplicationModules.of(PrioraApplication.class);

	/** Priora's production classes, imported once for every rule. */
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.priora");

	@Test
	void featuresDependOnEachOtherOnlyThroughTheirPublicFaces() {
		MODULES.verify();
	}

	@Test
	void outboundHttpGoesThroughTheOneClientThatRefusesNonGlobalAddresses() {
		JavaClasses classes = CLASSES;
		noClasses().that()
			.haveNameNotMatching("dev\\.priora\\.integration\\.OutboundHttp(\\$.*)?")
			// the container health check (java -jar priora.jar health) asks this very
			// Priora on
			// loopback, an address OutboundHttp refuses by design
			.and()
			.doNotHaveFullyQualifiedName("dev.priora.cli.HealthCommand")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("java.net.http..", "org.apache.hc..", "org.springframework.web.client..",
					"org.springframework.web.reactive.function.client..", "okhttp3..")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.URLConnection")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.HttpURLConnection")
			.orShould()
			.dependOnClassesThat()
			.haveFullyQualifiedName("java.net.Socket")
			.because("STYLE.md §10: one outbound HTTP client, which refuses non-global addresses")
			.check(classes);
	}

	@Test
	void enginesArePlainJava() {
		classes().that()
			.resideInAPackage("..engine..")
			.and()
			.resideOutsideOfPackage("..feedback.engine..")
			.and()
			.resideOutsideOfPackage("..search.engine..")
			.and()
			.resideOutsideOfPackage("..planning.engine..")
			.and()
			.resideOutsideOfPackage("..integration.engine..")
			.and()
			.resideOutsideOfPackage("..text.engine..")
			.and()
			.resideOutsideOfPackage("..insights.engine..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "..engine..")
			.because("engines import only java.* (STYLE.md §3)")
			.check(CLASSES);
	}

	@Test
	void theSearchAndTextEnginesImportOnlyLuceneBesidesJava() {
		classes().that()
			.resideInAnyPackage("..search.engine..", "..text.engine..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "..engine..", "org.apache.lucene..")
			.because("the item-search engine and the shared text-index plumbing import java.* and Lucene, the"
					+ " library they wrap (STYLE.md §3)")
			.check(CLASSES);
	}

	@Test
	void theFeedbackEnginesImportOnlyLuceneCommonsCsvAndTribuoBesidesJava() {
		classes().that()
			.resideInAPackage("..feedback.engine..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "..engine..", "org.apache.lucene..", "org.apache.commons.csv..",
					"org.tribuo..")
			.because("the text-similarity engine imports java.* and Lucene, the library it wraps, the feedback"
					+ " file reader commons-csv, the CSV reader it wraps, and the kind model Tribuo, the machine-learning"
					+ " library it wraps (STYLE.md §3)")
			.check(CLASSES);
	}

	@Test
	void theImportersParsersImportOnlyCommonsCsvBesidesJava() {
		classes().that()
			.resideInAPackage("..integration.engine..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "..engine..", "org.apache.commons.csv..")
			.because("the importers' parsers import java.* and commons-csv, the CSV reader they wrap (STYLE.md §3)")
			.check(CLASSES);
	}

	@Test
	void theThemesEngineImportsOnlyCommonsMathBesidesJava() {
		classes().that()
			.resideInAPackage("..insights.engine..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "..engine..", "org.apache.commons.math3..")
			.because("the themes engine imports java.* and commons-math3, the k-means++ clustering it wraps"
					+ " (STYLE.md §3)")
			.check(CLASSES);
	}

	@Test
	void thePlanningEnginesImportOnlyOrToolsBesidesJava() {
		classes().that()
			.resideInAPackage("..planning.engine..")
			.and()
			.doNotHaveSimpleName("package-info")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "..engine..", "com.google.ortools..")
			.because("the release optimizer imports java.* and OR-Tools, the solver it wraps (STYLE.md §3)")
			.check(CLASSES);
	}

	/**
	 * Engines every engine may use: the graph algorithms and the text-index plumbing.
	 */
	private static final java.util.Set<String> SHARED_ENGINES = java.util.Set.of("dependencies", "text");

	@Test
	void anEngineUsesOnlyItsOwnFeaturesEngineAndTheSharedEngines() {
		JavaClasses classes = CLASSES;
		Pattern engine = Pattern.compile("dev\\.priora\\.([a-z]+)\\.engine(\\..*)?");
		List<String> crossings = new ArrayList<>();
		for (JavaClass c : classes) {
			Matcher from = engine.matcher(c.getPackageName());
			if (!from.matches()) {
				continue;
			}
			for (Dependency d : c.getDirectDependenciesFromSelf()) {
				Matcher to = engine.matcher(d.getTargetClass().getPackageName());
				if (to.matches() && !to.group(1).equals(from.group(1)) && !SHARED_ENGINES.contains(to.group(1))) {
					crossings.add(c.getName() + " -> " + d.getTargetClass().getName());
				}
			}
		}
		assertThat(crossings)
			.as("an engine imports only its own feature's engine, dependencies.engine (the shared graph algorithms)"
					+ " and text.engine (the shared text-index plumbing)")
			.isEmpty();
	}

}
