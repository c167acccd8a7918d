/** One item's outcome in a batch: its value, or the error that belongs to it alone. */
export type Outcome<O> = { value: O } | { error: unknown };

/** Runs the items of one key together; resolves to one outcome per item, in their order (a rejection fails every item). */
export type RunBatch<I, O> = (key: string, items: I[]) => Promise<Outcome<O>[]>;

interface Waiting<I, O> {
  item: I;
  resolve: (value: O) => void;
  reject: (error: unknown) => void;
}

interface KeyQueue<I, O> {
  waiting: Waiting<I, O>[];
  running: boolean;
}

/**
 * Group commit by key (a tenant): while a batch of a key is under way, the
 * items that reach it wait, and are then run together by the next call of
 * `runBatch`, at most `maxItems` at a time. (Two calls of a key at once were
 * tried for the filings' writes: no difference within the bench's noise.) A lone item runs at once: nothing
 * waits for a batch to fill. Each item resolves or rejects with its own
 * outcome, once the batch that holds it is done.
 */
export class KeyedBatches<I, O> {
  private readonly queues = new Map<string, KeyQueue<I, O>>();

  constructor(
    private readonly runBatch: RunBatch<I, O>,
    private readonly maxItems = 64,
  ) {}

  add(key: string, item: I): Promise<O> {
    return new Promise((resolve, reject) => {
      let queue = this.queues.get(key);
      if (!queue) this.queues.set(key, (queue = { waiting: [], running: false }));
      queue.waiting.push({ item, resolve, reject });
      this.pump(key, queue);
    });
  }

  private pump(key: string, queue: KeyQueue<I, O>): void {
    if (queue.running || !queue.waiting.length) return;
    const batch = queue.waiting.splice(0, this.maxItems);
    queue.running = true;
    void this.run(key, batch).finally(() => {
      queue.running = false;
      if (queue.waiting.length === 0) this.queues.delete(key);
      else this.pump(key, queue);
    });
  }

  private async run(key: string, batch: Waiting<I, O>[]): Promise<void> {
    let outcomes: Outcome<O>[];
    try {
      outcomes = await this.runBatch(key, batch.map((w) => w.item));
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    batch.forEach((w, i) => {
      const outcome = outcomes[i];
      if (outcome && 'value' in outcome) w.resolve(outcome.value);
      else w.reject(outcome ? outcome.error : new Error('the batch gave no outcome for this item'));
    });
  }
}
