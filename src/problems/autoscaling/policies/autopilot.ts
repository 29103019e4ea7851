// A moving-window recommender after Google's Autopilot (Rzadca et al., EuroSys 2020), as we
// read it (docs/autoscaling.md, "Autopilot"): at the start of every step, the pods that the
// peak of the recent completed steps needed at the target, plus a safety margin; reactive
// (it sees only completed steps), new pods serve after readySeconds. O(steps · window).
import { Timeline } from './timeline.js';
import { podsFor } from '../relation.js';
import type { ReactiveInput, ReactiveTrace } from './hpa.js';

export interface AutopilotOptions {
  /** Window of completed steps whose peak is followed (seconds; default 3600). */
  windowSeconds: number;
  /** Safety margin over the peak (default 0.1 = 10 %). */
  margin: number;
}
export const AUTOPILOT_DEFAULTS: AutopilotOptions = { windowSeconds: 3600, margin: 0.1 };

/** `history` holds the workload before the replay (most recent last), used to fill the first window. */
export function replayAutopilot(inp: ReactiveInput, history: ArrayLike<number | null>, opt: AutopilotOptions = AUTOPILOT_DEFAULTS): ReactiveTrace {
  const { workload, step, relation, minPods, maxPods } = inp;
  const H = workload.length;
  const K = Math.max(1, Math.round(opt.windowSeconds / step));
  const tl = new Timeline(inp.initialPods, inp.readySeconds);
  const pods = new Float64Array(H);
  const ready = new Float64Array(H);
  const at = (i: number): number | null => (i >= 0 ? workload[i] ?? null : history[history.length + i] ?? null);
  for (let t = 0; t < H; t++) {
    tl.advance(t * step);
    let peak = -1;
    for (let j = t - K; j < t; j++) {
      const w = at(j);
      if (w !== null && w > peak) peak = w;
    }
    if (peak >= 0) {
      // pods = ceil(x) by podsFor's rule: Infinity (a capacity near 0) the most pods, a
      // positive x however small at least one
      tl.scaleTo(podsFor((1 + opt.margin) * relation.needed(peak), 1, minPods, maxPods));
    }
    tl.advance((t + 1) * step);
    const s = tl.takeStep();
    pods[t] = s.specSeconds / step;
    ready[t] = s.readySeconds / step;
  }
  return { pods, ready, actions: tl.actions };
}
