/**
 * mulberry32: small, fast and good enough to vary test inputs. A module of
 * its own with no imports, because both sides use it: the trusted side draws
 * cases with it, and the sandbox seeds a student's Math.random with it
 * (./training/run-training.ts), so nothing else comes along into the sandbox.
 */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
