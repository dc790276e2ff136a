// A small binary min-heap of scheduled events, ordered by time, then by scheduling order.
//
// Ties in time are broken by insertion sequence so that runs are deterministic.
// The queue is reused across individuals (clear() keeps its arrays).

export interface QueuedEvent<H> {
  time: number;
  sequence: number;
  handler: H;
  data: unknown;
}

export class EventQueue<H> {
  private heap: QueuedEvent<H>[] = [];
  private nextSequence = 0;

  get size(): number {
    return this.heap.length;
  }

  clear(): void {
    this.heap.length = 0;
    this.nextSequence = 0;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.heap[0]?.time ?? Infinity;
  }

  push(time: number, handler: H, data: unknown): void {
    const event: QueuedEvent<H> = { time, sequence: this.nextSequence++, handler, data };
    const heap = this.heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as QueuedEvent<H>;
      if (!earlier(event, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = event;
  }

  /** Removes and returns the earliest event. */
  pop(): QueuedEvent<H> | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && earlier(heap[right] as QueuedEvent<H>, heap[left] as QueuedEvent<H>) ? right : left;
      const candidate = heap[child] as QueuedEvent<H>;
      if (!earlier(candidate, last)) break;
      heap[i] = candidate;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function earlier<H>(a: QueuedEvent<H>, b: QueuedEvent<H>): boolean {
  return a.time < b.time || (a.time === b.time && a.sequence < b.sequence);
}
