package dev.priora.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * An integration test with a second node on the test server's database
 * ({@link SecondNode}), started once before the class's tests and stopped after them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TwoNodeTestBase extends IntegrationTestBase {

	@Autowired
	Environment env;

	protected SecondNode nodeB;

	protected int portB;

	/** The second node's name (the prefix of its data directory). */
	protected abstract String nodeName();

	@BeforeAll
	void startSecondNode() throws Exception {
		nodeB = SecondNode.start(env, nodeName());
		portB = nodeB.port();
	}

	@AfterAll
	void stopSecondNode() {
		if (nodeB != null) {
			nodeB.close();
		}
	}

}
