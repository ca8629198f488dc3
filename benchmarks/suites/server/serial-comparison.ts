/**
 * Serial throughput against the server and against the client's ceiling, measured in alternating
 * blocks so that drift in the machine's speed (a shared 2-core VM) falls on both sides alike.
 */

export interface SerialSide {
  readonly name: string;
  /** Runs `count` workflows one after the other; resolves with the elapsed milliseconds. */
  run(count: number, block: number): Promise<number>;
}

export interface SerialComparison {
  /** Workflows per second per side: all its workflows over all its blocks' time. */
  readonly throughput: Readonly<Record<string, number>>;
  /** Per-block workflows per second, for the spread. */
  readonly blocks: Readonly<Record<string, readonly number[]>>;
}

/** Runs `blocks` rounds of `perBlock` workflows on every side (warm them up first). */
export async function compareSerial(sides: readonly SerialSide[], blocks: number, perBlock: number): Promise<SerialComparison> {
  const elapsed = new Map<string, number>(sides.map((side) => [side.name, 0]));
  const perBlockRates = new Map<string, number[]>(sides.map((side) => [side.name, []]));
  for (let block = 0; block < blocks; block += 1) {
    // Alternate which side goes first, so neither always runs right after the other's GC debt.
    const order = block % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const ms = await side.run(perBlock, block);
      elapsed.set(side.name, elapsed.get(side.name)! + ms);
      perBlockRates.get(side.name)!.push(perBlock / (ms / 1_000));
    }
  }
  return {
    throughput: Object.fromEntries(sides.map((side) => [side.name, (blocks * perBlock) / (elapsed.get(side.name)! / 1_000)])),
    blocks: Object.fromEntries(perBlockRates),
  };
}
