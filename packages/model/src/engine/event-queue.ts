// A small binary min-heap of scheduled events, ordered by time, then by scheduling order.
//
// Ties in time are broken by insertion sequence so that runs are deterministic. The queue is
// reused across individuals, and so are its event records (a free list), so scheduling an
// event allocates nothing once the queue has warmed up.

interface QueuedEvent<H> {
  time: number;
  sequence: number;
  handler: H | undefined;
  data: unknown;
}

export class EventQueue<H> {
  private readonly heap: QueuedEvent<H>[] = [];
  private readonly free: QueuedEvent<H>[] = [];
  private nextSequence = 0;
  /** Handler of the event the last successful pop() removed. */
  poppedHandler: H | undefined;
  /** Data of the event the last successful pop() removed. */
  poppedData: unknown;

  get size(): number {
    return this.heap.length;
  }

  clear(): void {
    for (const event of this.heap) this.release(event);
    this.heap.length = 0;
    this.nextSequence = 0;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.heap.length === 0 ? Infinity : (this.heap[0] as QueuedEvent<H>).time;
  }

  push(time: number, handler: H, data: unknown): void {
    const event = this.free.pop() ?? { time: 0, sequence: 0, handler: undefined, data: undefined };
    event.time = time;
    event.sequence = this.nextSequence++;
    event.handler = handler;
    event.data = data;
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

  /** Removes the earliest event into poppedHandler / poppedData; false when the queue is empty. */
  pop(): boolean {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return false;
    const last = heap.pop() as QueuedEvent<H>;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
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
    }
    this.poppedHandler = top.handler;
    this.poppedData = top.data;
    this.release(top);
    return true;
  }

  private release(event: QueuedEvent<H>): void {
    event.handler = undefined;
    event.data = undefined;
    this.free.push(event);
  }
}

function earlier<H>(a: QueuedEvent<H>, b: QueuedEvent<H>): boolean {
  return a.time < b.time || (a.time === b.time && a.sequence < b.sequence);
}
