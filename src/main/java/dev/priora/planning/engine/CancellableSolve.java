package dev.priora.planning.engine;

import java.util.function.BooleanSupplier;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;

/**
 * Runs CP-SAT so that each improving solution is reported and a cancel request stops the
 * search within a tenth of a second, even between solutions (a watcher thread polls it).
 */
final class CancellableSolve {

	private CancellableSolve() {
	}

	/**
	 * Told of each solution: its objective value and the best bound, as the solver has
	 * them.
	 */
	interface OnSolution {

		void report(double objective, double bound);

	}

	static CpSolverStatus solve(CpSolver solver, CpModel model, OnSolution onSolution, BooleanSupplier cancelled) {
		CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
			@Override
			public void onSolutionCallback() {
				onSolution.report(objectiveValue(), bestObjectiveBound());
				if (cancelled.getAsBoolean()) {
					stopSearch();
				}
			}
		};
		Thread watcher = new Thread(() -> {
			while (!Thread.currentThread().isInterrupted()) {
				if (cancelled.getAsBoolean()) {
					callback.stopSearch();
					return;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException e) {
					return;
				}
			}
		});
		watcher.setDaemon(true);
		watcher.start();
		try {
			return solver.solve(model, callback);
		}
		finally {
			watcher.interrupt();
		}
	}

}
