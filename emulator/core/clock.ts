/**
 * The emulator's injectable clock: real time plus an offset that only the control API moves.
 * State changes read this clock lazily; nothing in the emulator sets a timer to change state.
 */

/** A clock that tests can move forward with `POST /_emulator/clock/advance`. */
export interface EmulatorClock {
  /** Emulator time in epoch milliseconds (wall time plus the offset). */
  now(): number;
  /**
   * Wall time, unshifted. Signature windows use it because clients sign with their own wall clock,
   * so advancing the emulator clock must not expire every later request.
   */
  wallNow(): number;
  /** Moves emulator time forward; negative values are refused (time never runs backwards). */
  advance(ms: number): void;
  /** Milliseconds added to wall time. */
  offsetMs(): number;
  /** Sets the offset, e.g. when a snapshot is loaded. */
  setOffset(ms: number): void;
}

/** A clock over `base` (Date.now by default). */
export function createClock(base: () => number = Date.now): EmulatorClock {
  let offset = 0;
  return {
    now: () => base() + offset,
    wallNow: () => base(),
    advance(ms: number) {
      if (!Number.isFinite(ms) || ms < 0) throw new RangeError("clock advance needs a finite ms >= 0");
      offset += ms;
    },
    offsetMs: () => offset,
    setOffset(ms: number) {
      offset = ms;
    },
  };
}
