/** A counter sampled over time; rates are read off the samples, so a restart of the counted process is only a gap. */
export interface CounterSample {
  readonly at: number;
  readonly value: number;
}

export interface RatePoint {
  readonly at: number;
  readonly perSecond: number;
}

/** Keeps the last `capacity` samples of a monotonic counter and turns them into a per-second series. */
export class RateWindow {
  private readonly samples: CounterSample[] = [];

  constructor(private readonly capacity: number) {}

  add(sample: CounterSample): void {
    const last = this.samples.at(-1);
    if (last && sample.at <= last.at) return;
    this.samples.push(sample);
    if (this.samples.length > this.capacity) this.samples.shift();
  }

  /** One point per interval; a counter that went backwards (a reset, a recreated topic) counts as zero, not negative. */
  series(): RatePoint[] {
    const points: RatePoint[] = [];
    for (let i = 1; i < this.samples.length; i++) {
      const [before, after] = [this.samples[i - 1], this.samples[i]];
      points.push({ at: after.at, perSecond: (Math.max(0, after.value - before.value) * 1000) / (after.at - before.at) });
    }
    return points;
  }

  /** Mean rate over the last `ms` of samples. */
  rate(ms: number): number {
    const last = this.samples.at(-1);
    if (!last) return 0;
    const first = this.samples.find((s) => s.at >= last.at - ms) ?? last;
    return last.at === first.at ? 0 : (Math.max(0, last.value - first.value) * 1000) / (last.at - first.at);
  }
}
