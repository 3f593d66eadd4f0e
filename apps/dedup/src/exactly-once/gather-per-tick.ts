/**
 * Gathers the items offered within one turn of the event loop and hands them to `run` together; every offer's
 * promise settles with that run. kafkajs hands all the batches of one fetch response to `eachBatch` in the same
 * turn (with `partitionsConsumedConcurrently` at least the partition count), so gathering them lets one
 * transaction cover every partition of a fetch instead of one transaction per partition. An item that comes later
 * only waits for the next run; nothing depends on how many arrive together.
 */
export const gatherPerTick = <T>(run: (items: T[]) => Promise<void>): ((item: T) => Promise<void>) => {
  let pending: { items: T[]; settled: Promise<void> } | undefined;
  return (item) => {
    if (!pending) {
      const items: T[] = [];
      const settled = new Promise<void>((resolve, reject) =>
        setImmediate(() => {
          pending = undefined;
          run(items).then(resolve, reject);
        }),
      );
      pending = { items, settled };
    }
    pending.items.push(item);
    return pending.settled;
  };
};
