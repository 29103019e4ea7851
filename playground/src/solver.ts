// Solving, always in module Web Workers through greenplan/worker (comlink): the page never
// solves on the main thread. The WASM is compiled once (streaming, off the main thread)
// and handed to every worker. Cancel terminates the worker at once and starts a fresh one.
import { wasmUrl, type CheckReport, type GreenplanError, type Solution } from 'greenplan';
import { spawnSolver, type RemoteSolver } from 'greenplan/worker';

async function compile(): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compileStreaming(fetch(wasmUrl));
  } catch {
    // a server that does not send application/wasm: compile from the bytes
    const bytes = await (await fetch(wasmUrl)).arrayBuffer();
    return WebAssembly.compile(bytes);
  }
}

export type Outcome = { ms: number } & ({ ok: true; json: string; check?: CheckReport } | { ok: false; error: GreenplanError });

/** One worker slot: `run` solves (and checks); `restart` kills the worker and starts a fresh one. */
export class SolverSlot {
  private static module: Promise<WebAssembly.Module> | undefined;
  private solver!: RemoteSolver;
  private ready!: Promise<RemoteSolver>;
  /** Calls of `run` not settled yet (a long solve occupies the worker until it ends). */
  private inFlight = 0;
  /** Bumped by restart: a call of the terminated worker does not count any more. */
  private generation = 0;
  constructor() {
    this.spawn();
  }
  private spawn() {
    SolverSlot.module ??= compile();
    const s = spawnSolver();
    this.solver = s;
    this.ready = SolverSlot.module.then((m) => s.init(m)).then(() => s);
  }
  whenReady(): Promise<unknown> {
    return this.ready;
  }
  /** JSON text in, JSON text out: parsed, solved and checked by the independent checker, all
   * in the worker (the main thread never handles the large arrays). */
  async run(text: string, check = true): Promise<Outcome> {
    const gen = this.generation;
    this.inFlight++;
    try {
      const s = await this.ready;
      const t0 = performance.now();
      const r = await s.solveJson(text, { check });
      return { ...r, ms: performance.now() - t0 };
    } finally {
      if (gen === this.generation) this.inFlight--;
    }
  }
  /** Whether a solve is still running (a new one would wait for it in this worker). */
  get busy(): boolean {
    return this.inFlight > 0;
  }
  async solve(instance: unknown): Promise<Solution> {
    const s = await this.ready;
    return s.solve(instance);
  }
  /** Terminate now (pending calls never settle) and start a fresh worker. */
  restart(): void {
    this.inFlight = 0; // the terminated worker's calls never settle
    this.generation++;
    void this.solver.close();
    this.spawn();
  }
  close(): void {
    void this.solver.close();
  }
}
