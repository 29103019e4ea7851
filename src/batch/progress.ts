// Progress of a batch on stderr: a cli-progress bar when the stream is a terminal
// (done/total, rate, ETA, failures), plain lines every few seconds otherwise (logs, CI).
// stdout is never touched.
import { BATCH_STATUSES, type BatchProgress } from './types.js';

export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
}

const fmtRate = (r: number) => (r >= 100 ? r.toFixed(0) : r >= 10 ? r.toFixed(1) : r.toFixed(2));
const fmtSeconds = (s: number) => (!Number.isFinite(s) ? '?' : s < 90 ? `${Math.round(s)} s` : s < 5400 ? `${Math.round(s / 60)} min` : `${(s / 3600).toFixed(1)} h`);

export class ProgressView {
  private total: number | undefined;
  private last: BatchProgress | undefined;
  private timer: NodeJS.Timeout | undefined;
  private bar: { start(total: number, value: number, payload: object): void; update(value: number, payload: object): void; setTotal(t: number): void; stop(): void } | undefined;
  private readonly ready: Promise<void>;

  constructor(
    private readonly stream: ProgressStream,
    total: number | Promise<number> | undefined,
    private readonly intervalMs = 5000,
  ) {
    if (typeof total === 'number') this.total = total;
    else total?.then((t) => this.setTotal(t), () => undefined);
    this.ready = stream.isTTY ? this.startBar() : Promise.resolve(this.startLines());
  }

  private async startBar() {
    const { default: cli } = await import('cli-progress');
    const bar = new cli.SingleBar({
      stream: this.stream as NodeJS.WritableStream,
      format: ' {bar} {value}/{totalText} | {rate}/s | ETA {etaText} | failed {failed}',
      hideCursor: true,
      fps: 5,
      barsize: 30,
    }, cli.Presets.shades_classic);
    bar.start(this.total ?? 0, this.last?.done ?? 0, this.payload());
    this.bar = bar as unknown as ProgressView['bar'];
  }

  private startLines() {
    this.timer = setInterval(() => this.line(), this.intervalMs);
    this.timer.unref();
  }

  private rate(): number {
    const p = this.last;
    if (!p || p.elapsedMs <= 0) return 0;
    return ((p.done - p.skipped) * 1000) / p.elapsedMs;
  }

  private eta(): number {
    const r = this.rate();
    if (this.total === undefined || !this.last || r <= 0) return Infinity;
    return Math.max(0, this.total - this.last.done) / r;
  }

  private payload() {
    return { totalText: this.total ?? '?', rate: fmtRate(this.rate()), etaText: fmtSeconds(this.eta()), failed: this.last?.failed ?? 0 };
  }

  setTotal(t: number) {
    this.total = t;
    this.bar?.setTotal(t);
  }

  update(p: BatchProgress) {
    this.last = p;
    this.bar?.update(p.done, this.payload());
  }

  /** One plain progress line: `batch: 120/1000 (12 failed), 35.2/s, ETA 25 s`. */
  line() {
    const p = this.last;
    const done = p?.done ?? 0;
    const failed = p ? ` (${p.failed} failed${p.failed ? ': ' + BATCH_STATUSES.filter((s) => s !== 'solved' && p.byStatus[s]).map((s) => `${p.byStatus[s]} ${s}`).join(', ') : ''})` : '';
    this.stream.write(`batch: ${done}/${this.total ?? '?'} done${failed}, ${fmtRate(this.rate())}/s, ETA ${fmtSeconds(this.eta())}\n`);
  }

  async stop() {
    await this.ready;
    clearInterval(this.timer);
    if (this.bar) {
      if (this.last) this.bar.update(this.last.done, this.payload());
      this.bar.stop();
    }
    else if (this.last) this.line();
  }
}
