// Pods over continuous time for the reactive policies (HPA, autopilot): a pod requested at
// time τ costs from τ and serves from τ + readySeconds; scaling down removes not-yet-ready
// pods first (as a ReplicaSet does), newest first. Per step it integrates the requested
// pods (pod-seconds, what the pods cost) and the ready pods (what serves the workload).
// docs/autoscaling.md, "Replay".

export class Timeline {
  /** Requested pods (the Deployment's replicas). */
  spec: number;
  /** Ready pods. */
  ready: number;
  private now = 0;
  /** Not-yet-ready batches in readiness order: [readyAt, count]. */
  private pending: [number, number][] = [];
  /** Accumulators of the current step. */
  specSeconds = 0;
  readySeconds = 0;
  /** Scaling operations so far. */
  actions = 0;

  constructor(initial: number, readonly readyDelay: number) {
    this.spec = initial;
    this.ready = initial;
  }

  get unready(): number {
    return this.spec - this.ready;
  }

  /** Advance the clock to T (never backwards), integrating and turning pods ready. */
  advance(T: number): void {
    while (this.now < T) {
      const head = this.pending[0];
      const next = head && head[0] < T ? Math.max(head[0], this.now) : T;
      const dt = next - this.now;
      this.specSeconds += this.spec * dt;
      this.readySeconds += this.ready * dt;
      this.now = next;
      while (this.pending.length && this.pending[0]![0] <= this.now) this.ready += this.pending.shift()![1];
    }
    while (this.pending.length && this.pending[0]![0] <= this.now) this.ready += this.pending.shift()![1];
  }

  /** Set the requested pods at the current time. */
  scaleTo(n: number): void {
    if (n === this.spec) return;
    this.actions++;
    if (n > this.spec) {
      const add = n - this.spec;
      if (this.readyDelay <= 0) this.ready += add;
      else this.pending.push([this.now + this.readyDelay, add]);
      this.spec = n;
      return;
    }
    let remove = this.spec - n;
    this.spec = n;
    while (remove > 0 && this.pending.length) {
      const last = this.pending[this.pending.length - 1]!;
      const k = Math.min(remove, last[1]);
      last[1] -= k;
      remove -= k;
      if (last[1] === 0) this.pending.pop();
    }
    this.ready -= remove;
  }

  /** Read and reset the step accumulators. */
  takeStep(): { specSeconds: number; readySeconds: number } {
    const r = { specSeconds: this.specSeconds, readySeconds: this.readySeconds };
    this.specSeconds = 0;
    this.readySeconds = 0;
    return r;
  }
}
