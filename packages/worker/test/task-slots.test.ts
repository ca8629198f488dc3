import { describe, expect, it } from 'vitest';
import { TaskSlots } from '../src/task-slots.js';

describe('TaskSlots', () => {
  it('hands out at most `capacity` slots and passes a released slot to the next waiter', async () => {
    const slots = new TaskSlots(2);
    const first = await slots.acquire();
    await slots.acquire();
    let thirdAcquired = false;
    const third = slots.acquire().then((release) => ((thirdAcquired = true), release));
    await Promise.resolve();
    expect(thirdAcquired).toBe(false);
    first();
    await third;
    expect(thirdAcquired).toBe(true);
    expect(slots.used).toBe(2);
  });

  it('ignores a second release of the same slot', async () => {
    const slots = new TaskSlots(1);
    const release = await slots.acquire();
    release();
    release();
    expect(slots.used).toBe(0);
  });

  it('resolves idle() when the last slot is released', async () => {
    const slots = new TaskSlots(3);
    const a = await slots.acquire();
    const b = await slots.acquire();
    let idle = false;
    const waiting = slots.idle().then(() => (idle = true));
    a();
    await Promise.resolve();
    expect(idle).toBe(false);
    b();
    await waiting;
    expect(idle).toBe(true);
  });
});
