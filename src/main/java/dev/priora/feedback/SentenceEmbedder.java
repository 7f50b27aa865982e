package dev.priora.feedback;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

/**
 * Sentence embeddings computed in-process by all-MiniLM-L6-v2 (quantized, 384
 * dimensions), which ships inside its Maven artifact: nothing is downloaded at run time.
 * The model is loaded on first use (about a second); a text costs about 5 ms on one core.
 * A title and a text are embedded separately and averaged, so a short title weighs as
 * much as a long description. Every stored vector names its model ({@link #MODEL}): a
 * vector of another model is computed again in the background.
 */
@Component
public class SentenceEmbedder {

	/**
	 * The name stored with every vector this model computed ({@code embedding_model}).
	 */
	public static final String MODEL = "all-minilm-l6-v2-q";

	private volatile EmbeddingModel model;

	private final AtomicLong embedded = new AtomicLong();

	/** The unit-length embedding of a titled text. */
	public float[] embed(String title, String text) {
		embedded.incrementAndGet();
		String t = title == null ? "" : title.strip();
		String body = text == null ? "" : text.strip();
		if (t.isEmpty()) {
			return normalize(vector(body));
		}
		float[] a = normalize(vector(t));
		float[] b = normalize(vector(t + ". " + body));
		float[] sum = new float[a.length];
		for (int i = 0; i < a.length; i++) {
			sum[i] = a[i] + b[i];
		}
		return normalize(sum);
	}

	/** How many titled texts this node has embedded since it started. */
	public long embedded() {
		return embedded.get();
	}

	private float[] vector(String text) {
		return model().embed(text.isEmpty() ? " " : text).content().vector();
	}

	private EmbeddingModel model() {
		EmbeddingModel m = model;
		if (m == null) {
			synchronized (this) {
				if (model == null) {
					model = new AllMiniLmL6V2QuantizedEmbeddingModel();
				}
				m = model;
			}
		}
		return m;
	}

	static float[] normalize(float[] v) {
		double norm = 0;
		for (float x : v) {
			norm += x * x;
		}
		norm = Math.sqrt(norm);
		float[] out = new float[v.length];
		for (int i = 0; i < v.length; i++) {
			out[i] = norm == 0 ? 0 : (float) (v[i] / norm);
		}
		return out;
	}

}
