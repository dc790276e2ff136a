// Tyche-i (Neves & Araujo, "Fast and small nonlinear pseudorandom number generators for
// computer simulation", 2011), seeded as seedrandom's `tychei` seeds it from an integer, so
// every stream gives exactly the numbers it gave through seedrandom (a test checks this).
// Owning the generator lets a stream be reseeded in place for the next individual: no
// closures or objects are allocated per stream opened, and a draw is a method call.

const TWO_POW_32 = 0x1_0000_0000;

export class TycheI {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  /** Starts the generator from an integer seed (up to 53 bits), with 20 warm-up rounds. */
  seed(seed: number): void {
    this.a = (seed / TWO_POW_32) | 0;
    this.b = seed | 0;
    this.c = 2654435769 | 0;
    this.d = 1367130551;
    for (let k = 0; k < 20; k++) this.nextInt32();
  }

  /** One round: the next signed 32-bit word. */
  nextInt32(): number {
    let b = this.b;
    let c = this.c;
    let d = this.d;
    let a = this.a;
    b = (b << 25) ^ (b >>> 7) ^ c;
    c = (c - d) | 0;
    d = (d << 24) ^ (d >>> 8) ^ a;
    a = (a - b) | 0;
    b = (b << 20) ^ (b >>> 12) ^ c;
    c = (c - d) | 0;
    this.b = b;
    this.c = c;
    this.d = (d << 16) ^ (c >>> 16) ^ a;
    a = (a - b) | 0;
    this.a = a;
    return a;
  }

  /** A uniform in [0, 1) with 32-bit resolution. */
  next(): number {
    return (this.nextInt32() >>> 0) / TWO_POW_32;
  }
}
