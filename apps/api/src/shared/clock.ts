/** The source of "now", passed in so tests can pin time instead of sleeping. */
export interface Clock {
  now(): Date;
}

export function createSystemClock(): Clock {
  return { now: () => new Date() };
}

/** A clock that stands still until moved; for tests and replays. */
export function createFixedClock(
  start: Date,
): Clock & { set(instant: Date): void; advance(millis: number): void } {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advance: (millis) => {
      current = new Date(current.getTime() + millis);
    },
  };
}
