/**
 * Keeps at most `max` sends in flight: adding one more waits for the oldest. The first failure is remembered and
 * rethrown on the next call, so the reader stops early instead of validating the rest of a body it cannot store.
 */
export class BoundedSends {
  private readonly inFlight: Promise<void>[] = [];
  private failure: { readonly error: unknown } | undefined;

  constructor(private readonly max: number) {}

  async add(send: Promise<unknown>): Promise<void> {
    this.inFlight.push(
      send.then(
        () => undefined,
        (error: unknown) => {
          this.failure ??= { error };
        },
      ),
    );
    while (this.inFlight.length >= this.max) await this.inFlight.shift();
    this.throwIfFailed();
  }

  /** Waits for everything in flight; rejects if any send failed. */
  async drain(): Promise<void> {
    await Promise.all(this.inFlight.splice(0));
    this.throwIfFailed();
  }

  throwIfFailed(): void {
    if (this.failure) throw this.failure.error;
  }
}
