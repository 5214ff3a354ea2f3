import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expandOccurrences,
  parseRecurrence,
  type Occurrence,
  type TaskSchedule,
} from './recurrence.js';

// Every expected instant below was written by hand from a calendar, the zone's published DST
// dates or the RFC 5545 text (and checked against python-dateutil where it agrees with DESIGN §4);
// none is computed by the code under test.

interface ScheduleInput {
  startAt: string;
  endAt?: string;
  timeZone?: string;
  rule?: string | null;
  exception?: string | null;
}

/** A task starting at `startAt`, one hour long in Europe/Kyiv unless told otherwise. */
function buildSchedule(input: ScheduleInput): TaskSchedule {
  const startAt = new Date(input.startAt);
  const rule = input.rule ?? null;
  return {
    startAt,
    endAt: new Date(input.endAt ?? startAt.getTime() + 3_600_000),
    timeZone: input.timeZone ?? 'Europe/Kyiv',
    recurrence:
      rule === null ? null : parseRecurrence({ rule, exception: input.exception ?? null }),
  };
}

function expand(input: ScheduleInput, from: string, to: string): Occurrence[] {
  return expandOccurrences(buildSchedule(input), { from: new Date(from), to: new Date(to) });
}

/** `[index, startAt]` pairs: the two things a reader of a table checks. */
function startsOf(occurrences: Occurrence[]): [number, string][] {
  return occurrences.map((o) => [o.index, o.startAt.toISOString()]);
}

describe('expandOccurrences', () => {
  describe('the seed contract', () => {
    it("the seed's daily task with two excepted end instants runs on Mar 6 and Mar 8 only", () => {
      const occurrences = expand(
        {
          startAt: '2023-03-06T18:00:00.000Z',
          endAt: '2023-03-06T21:00:00.000Z',
          rule: 'FREQ=DAILY;UNTIL=20230309T210000Z',
          exception: '20230307T210000Z,20230309T210000Z',
        },
        '2023-03-01T00:00:00.000Z',
        '2023-04-01T00:00:00.000Z',
      );
      assert.deepEqual(
        occurrences.map((o) => [o.index, o.startAt.toISOString(), o.endAt.toISOString()]),
        [
          [0, '2023-03-06T18:00:00.000Z', '2023-03-06T21:00:00.000Z'],
          [2, '2023-03-08T18:00:00.000Z', '2023-03-08T21:00:00.000Z'],
        ],
      );
    });
  });

  describe('a task without recurrence', () => {
    it('has exactly one occurrence, its own window', () => {
      const task = { startAt: '2026-05-04T06:00:00.000Z', endAt: '2026-05-04T08:00:00.000Z' };
      assert.deepEqual(startsOf(expand(task, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')), [
        [0, '2026-05-04T06:00:00.000Z'],
      ]);
      assert.deepEqual(expand(task, '2026-05-04T08:00:00Z', '2027-01-01T00:00:00Z'), []);
    });
  });

  describe('daylight-saving changes', () => {
    it('daily at 20:00 in Europe/Kyiv stays 20:00 local across the March change', () => {
      // EU clocks go forward on 2026-03-29: Kyiv moves from UTC+2 to UTC+3.
      const task = { startAt: '2026-03-27T18:00:00.000Z', rule: 'FREQ=DAILY' };
      assert.deepEqual(startsOf(expand(task, '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z')), [
        [0, '2026-03-27T18:00:00.000Z'],
        [1, '2026-03-28T18:00:00.000Z'],
        [2, '2026-03-29T17:00:00.000Z'],
        [3, '2026-03-30T17:00:00.000Z'],
      ]);
    });

    it('daily at 20:00 in Europe/Kyiv stays 20:00 local across the October change', () => {
      // Clocks go back on 2026-10-25; Mar 27 → Oct 23 is 210 days.
      const task = { startAt: '2026-03-27T18:00:00.000Z', rule: 'FREQ=DAILY' };
      assert.deepEqual(startsOf(expand(task, '2026-10-23T00:00:00Z', '2026-10-27T00:00:00Z')), [
        [210, '2026-10-23T17:00:00.000Z'],
        [211, '2026-10-24T17:00:00.000Z'],
        [212, '2026-10-25T18:00:00.000Z'],
        [213, '2026-10-26T18:00:00.000Z'],
      ]);
    });

    it('a 02:30 nightly patrol in New York runs at 03:30 on the spring-forward night', () => {
      // 2026-03-08 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist that night.
      const task = {
        startAt: '2026-03-06T07:30:00.000Z',
        endAt: '2026-03-06T08:00:00.000Z',
        timeZone: 'America/New_York',
        rule: 'FREQ=DAILY',
      };
      const occurrences = expand(task, '2026-03-06T00:00:00Z', '2026-03-11T00:00:00Z');
      assert.deepEqual(startsOf(occurrences), [
        [0, '2026-03-06T07:30:00.000Z'],
        [1, '2026-03-07T07:30:00.000Z'],
        [2, '2026-03-08T07:30:00.000Z'], // 03:30 EDT
        [3, '2026-03-09T06:30:00.000Z'],
        [4, '2026-03-10T06:30:00.000Z'],
      ]);
      assert.equal(occurrences[2]!.endAt.toISOString(), '2026-03-08T08:00:00.000Z');
    });

    it('a 01:30 nightly patrol on the fall-back night runs at the first 01:30', () => {
      // 2026-11-01 02:00 EDT falls back to 01:00 EST: 01:30 happens at 05:30Z and 06:30Z.
      const task = {
        startAt: '2026-10-30T05:30:00.000Z',
        timeZone: 'America/New_York',
        rule: 'FREQ=DAILY',
      };
      assert.deepEqual(startsOf(expand(task, '2026-10-30T00:00:00Z', '2026-11-03T00:00:00Z')), [
        [0, '2026-10-30T05:30:00.000Z'],
        [1, '2026-10-31T05:30:00.000Z'],
        [2, '2026-11-01T05:30:00.000Z'],
        [3, '2026-11-02T06:30:00.000Z'],
      ]);
    });

    it('a task that starts at the second 01:30 keeps its own start as the first occurrence', () => {
      const task = {
        startAt: '2026-11-01T06:30:00.000Z',
        timeZone: 'America/New_York',
        rule: 'FREQ=DAILY',
      };
      assert.deepEqual(startsOf(expand(task, '2026-11-01T00:00:00Z', '2026-11-03T00:00:00Z')), [
        [0, '2026-11-01T06:30:00.000Z'],
        [1, '2026-11-02T06:30:00.000Z'],
      ]);
    });

    it('half-hourly rounds through the gap are not doubled where moved times meet real ones', () => {
      // Wall times 02:00 and 02:30 move to 03:00 and 03:30 EDT, which the rule also generates;
      // one patrol per instant remains, keeping the lower index.
      const task = {
        startAt: '2026-03-08T06:00:00.000Z', // 01:00 EST
        endAt: '2026-03-08T06:10:00.000Z',
        timeZone: 'America/New_York',
        rule: 'FREQ=MINUTELY;INTERVAL=30;COUNT=7',
      };
      assert.deepEqual(startsOf(expand(task, '2026-03-08T00:00:00Z', '2026-03-09T00:00:00Z')), [
        [0, '2026-03-08T06:00:00.000Z'],
        [1, '2026-03-08T06:30:00.000Z'],
        [2, '2026-03-08T07:00:00.000Z'],
        [3, '2026-03-08T07:30:00.000Z'],
        [6, '2026-03-08T08:00:00.000Z'],
      ]);
    });
  });

  describe('Australia/Sydney (southern hemisphere)', () => {
    // From the zone's published rules (checked with zdump): AEDT (UTC+11) until Sunday
    // 2024-04-07 03:00 local, when clocks go back to 02:00 AEST (UTC+10), i.e. at 2024-04-06T16:00Z;
    // AEST until Sunday 2024-10-06 02:00 local, when clocks jump to 03:00 AEDT, i.e. at
    // 2024-10-05T16:00Z. So 20:00 local is 09:00Z under AEDT and 10:00Z under AEST, and 02:30
    // local is 15:30Z (previous day) under AEDT and 16:30Z (previous day) under AEST.
    const sydney = (input: ScheduleInput): ScheduleInput => ({
      timeZone: 'Australia/Sydney',
      ...input,
    });
    // Thursday 2024-04-04 20:00 AEDT, for two hours.
    const evening = sydney({
      startAt: '2024-04-04T09:00:00.000Z',
      endAt: '2024-04-04T11:00:00.000Z',
      rule: 'FREQ=DAILY',
    });

    it('daily at 20:00 stays 20:00 local across the April change (AEDT → AEST)', () => {
      // Sat Apr 6 20:00 is still AEDT (the change is at 03:00 on Sunday); Sun Apr 7 20:00 is AEST.
      assert.deepEqual(startsOf(expand(evening, '2024-04-04T00:00:00Z', '2024-04-09T00:00:00Z')), [
        [0, '2024-04-04T09:00:00.000Z'],
        [1, '2024-04-05T09:00:00.000Z'],
        [2, '2024-04-06T09:00:00.000Z'],
        [3, '2024-04-07T10:00:00.000Z'],
        [4, '2024-04-08T10:00:00.000Z'],
      ]);
    });

    it('daily at 20:00 stays 20:00 local across the October change (AEST → AEDT)', () => {
      // Apr 4 → Oct 4 is 26 + 31 + 30 + 31 + 31 + 30 + 4 = 183 days. Sat Oct 5 20:00 is still
      // AEST; Sun Oct 6 20:00 is AEDT.
      assert.deepEqual(startsOf(expand(evening, '2024-10-04T00:00:00Z', '2024-10-08T00:00:00Z')), [
        [183, '2024-10-04T10:00:00.000Z'],
        [184, '2024-10-05T10:00:00.000Z'],
        [185, '2024-10-06T09:00:00.000Z'],
        [186, '2024-10-07T09:00:00.000Z'],
      ]);
    });

    it('a 02:30 nightly patrol runs at 03:30 AEDT on the spring-forward night', () => {
      // 2024-10-06 02:00 AEST jumps to 03:00 AEDT: 02:30 does not exist, and moving it forward by
      // the one-hour gap gives 03:30 AEDT = 2024-10-05T16:30Z (the same instant as 02:30 AEST).
      const task = sydney({
        startAt: '2024-10-03T16:30:00.000Z', // Fri Oct 4 02:30 AEST
        endAt: '2024-10-03T17:00:00.000Z',
        rule: 'FREQ=DAILY',
      });
      const occurrences = expand(task, '2024-10-03T00:00:00Z', '2024-10-08T00:00:00Z');
      assert.deepEqual(startsOf(occurrences), [
        [0, '2024-10-03T16:30:00.000Z'],
        [1, '2024-10-04T16:30:00.000Z'],
        [2, '2024-10-05T16:30:00.000Z'], // 03:30 AEDT
        [3, '2024-10-06T15:30:00.000Z'],
        [4, '2024-10-07T15:30:00.000Z'],
      ]);
      assert.equal(occurrences[2]!.endAt.toISOString(), '2024-10-05T17:00:00.000Z');
    });

    it('a 02:30 nightly patrol runs at the first (AEDT) 02:30 on the fall-back night', () => {
      // 2024-04-07 03:00 AEDT goes back to 02:00 AEST: 02:30 happens at 15:30Z (AEDT) and again
      // at 16:30Z (AEST); the first one is meant.
      const task = sydney({
        startAt: '2024-04-04T15:30:00.000Z', // Fri Apr 5 02:30 AEDT
        endAt: '2024-04-04T16:00:00.000Z',
        rule: 'FREQ=DAILY',
      });
      assert.deepEqual(startsOf(expand(task, '2024-04-04T00:00:00Z', '2024-04-09T00:00:00Z')), [
        [0, '2024-04-04T15:30:00.000Z'],
        [1, '2024-04-05T15:30:00.000Z'],
        [2, '2024-04-06T15:30:00.000Z'], // the first 02:30, AEDT
        [3, '2024-04-07T16:30:00.000Z'],
        [4, '2024-04-08T16:30:00.000Z'],
      ]);
      // Nothing runs in the repeated hour's second pass (16:00Z–17:00Z).
      assert.deepEqual(expand(task, '2024-04-06T16:00:00Z', '2024-04-06T17:00:00Z'), []);
    });

    it('a task that starts at the second (AEST) 02:30 keeps its own start as the first occurrence', () => {
      const task = sydney({ startAt: '2024-04-06T16:30:00.000Z', rule: 'FREQ=DAILY' });
      assert.deepEqual(startsOf(expand(task, '2024-04-06T00:00:00Z', '2024-04-08T00:00:00Z')), [
        [0, '2024-04-06T16:30:00.000Z'],
        [1, '2024-04-07T16:30:00.000Z'],
      ]);
    });

    it('exceptions match the real instants after the change, by end and by start', () => {
      // Apr 5's window is 09:00Z–11:00Z (excepted by its end); Apr 7's is 10:00Z–12:00Z (AEST,
      // excepted by its start).
      const task = { ...evening, exception: '20240405T110000Z,20240407T100000Z' };
      assert.deepEqual(startsOf(expand(task, '2024-04-04T00:00:00Z', '2024-04-09T00:00:00Z')), [
        [0, '2024-04-04T09:00:00.000Z'],
        [2, '2024-04-06T09:00:00.000Z'],
        [4, '2024-04-08T10:00:00.000Z'],
      ]);
    });

    it('an exception at the pre-change reading of an occurrence removes nothing', () => {
      // 09:00Z and 11:00Z would be Apr 7's start and end had it stayed on AEDT; it did not.
      const task = { ...evening, exception: '20240407T090000Z,20240407T110000Z' };
      assert.equal(expand(task, '2024-04-04T00:00:00Z', '2024-04-09T00:00:00Z').length, 5);
    });

    it('an exception removes the occurrence moved out of the gap, by its start or its end', () => {
      // The 02:30 → 03:30 AEDT occurrence of Oct 6 runs 16:30Z–17:00Z on Oct 5.
      for (const exception of ['20241005T163000Z', '20241005T170000Z']) {
        const task = sydney({
          startAt: '2024-10-03T16:30:00.000Z',
          endAt: '2024-10-03T17:00:00.000Z',
          rule: 'FREQ=DAILY;COUNT=4',
          exception,
        });
        assert.deepEqual(
          startsOf(expand(task, '2024-10-01T00:00:00Z', '2024-11-01T00:00:00Z')),
          [
            [0, '2024-10-03T16:30:00.000Z'],
            [1, '2024-10-04T16:30:00.000Z'],
            [3, '2024-10-06T15:30:00.000Z'],
          ],
          exception,
        );
      }
    });

    it('COUNT=5 with one exception leaves four occurrences, indexes 0..4 with one missing', () => {
      // Fri Apr 5 20:00 AEDT onwards; the excepted one is Sun Apr 7 20:00 AEST = 10:00Z.
      const task = sydney({
        startAt: '2024-04-05T09:00:00.000Z',
        rule: 'FREQ=DAILY;COUNT=5',
        exception: '20240407T100000Z',
      });
      assert.deepEqual(startsOf(expand(task, '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z')), [
        [0, '2024-04-05T09:00:00.000Z'],
        [1, '2024-04-06T09:00:00.000Z'],
        [3, '2024-04-08T10:00:00.000Z'],
        [4, '2024-04-09T10:00:00.000Z'],
      ]);
    });

    it('UNTIL is compared with the instant after the change', () => {
      // Apr 7 20:00 AEST is 10:00Z: UNTIL at that instant includes it, one second earlier does not.
      const until = (value: string) =>
        startsOf(
          expand(
            { ...evening, rule: `FREQ=DAILY;UNTIL=${value}` },
            '2024-04-01T00:00:00Z',
            '2024-05-01T00:00:00Z',
          ),
        ).at(-1);
      assert.deepEqual(until('20240407T100000Z'), [3, '2024-04-07T10:00:00.000Z']);
      assert.deepEqual(until('20240407T095959Z'), [2, '2024-04-06T09:00:00.000Z']);
    });
  });

  describe('HOURLY rules', () => {
    // DESIGN §4 expands the rule on the location's wall clock, and RFC 5545 §3.3.10 speaks of a
    // "computed local start time" that may not exist or may occur twice, which only happens when
    // stepping in local (wall-clock) time. So HOURLY;INTERVAL=3 means every third hour on the
    // clock face, not every 3 elapsed hours: across a change one step lasts 2 or 4 real hours.
    // Kyiv: EET (UTC+2) until 2024-03-31 03:00 local, then EEST (UTC+3) (03:00 → 04:00 at 01:00Z);
    // EEST until 2024-10-27 04:00 local, then EET (04:00 → 03:00 at 01:00Z).

    it('every two hours for 5 occurrences, no change of offset', () => {
      // 08:00 Kyiv summer time (UTC+3) is 05:00Z.
      const task = { startAt: '2024-06-10T05:00:00.000Z', rule: 'FREQ=HOURLY;INTERVAL=2;COUNT=5' };
      assert.deepEqual(startsOf(expand(task, '2024-06-01T00:00:00Z', '2024-07-01T00:00:00Z')), [
        [0, '2024-06-10T05:00:00.000Z'],
        [1, '2024-06-10T07:00:00.000Z'],
        [2, '2024-06-10T09:00:00.000Z'],
        [3, '2024-06-10T11:00:00.000Z'],
        [4, '2024-06-10T13:00:00.000Z'],
      ]);
    });

    it('every three hours across the spring-forward night in Kyiv', () => {
      // Wall 21:00 EET, 00:00 EET, 03:00 (nonexistent → 04:00 EEST), 06:00 EEST, 09:00 EEST:
      // 19:00Z, 22:00Z, 01:00Z, 03:00Z, 06:00Z; the step through the gap is 2 real hours.
      const task = {
        startAt: '2024-03-30T19:00:00.000Z',
        endAt: '2024-03-30T19:30:00.000Z',
        rule: 'FREQ=HOURLY;INTERVAL=3',
      };
      assert.deepEqual(startsOf(expand(task, '2024-03-30T00:00:00Z', '2024-03-31T07:00:00Z')), [
        [0, '2024-03-30T19:00:00.000Z'],
        [1, '2024-03-30T22:00:00.000Z'],
        [2, '2024-03-31T01:00:00.000Z'], // 03:00 moved to 04:00 EEST
        [3, '2024-03-31T03:00:00.000Z'],
        [4, '2024-03-31T06:00:00.000Z'],
      ]);
    });

    it('every three hours across the fall-back night in Kyiv', () => {
      // Wall 21:00 EEST, 00:00 EEST, 03:00 (twice: the first, EEST), 06:00 EET, 09:00 EET:
      // 18:00Z, 21:00Z, 00:00Z, 04:00Z, 07:00Z; the step after the repeated hour is 4 real hours.
      const task = { startAt: '2024-10-26T18:00:00.000Z', rule: 'FREQ=HOURLY;INTERVAL=3' };
      const wide = startsOf(expand(task, '2024-10-26T00:00:00Z', '2024-10-27T08:00:00Z'));
      assert.deepEqual(wide, [
        [0, '2024-10-26T18:00:00.000Z'],
        [1, '2024-10-26T21:00:00.000Z'],
        [2, '2024-10-27T00:00:00.000Z'], // the first 03:00, EEST
        [3, '2024-10-27T04:00:00.000Z'],
        [4, '2024-10-27T07:00:00.000Z'],
      ]);
      // A narrow window around the change numbers them the same way.
      assert.deepEqual(
        startsOf(expand(task, '2024-10-27T00:30:00Z', '2024-10-27T04:30:00Z')),
        wide.slice(2, 4),
      );
    });

    it('hourly across the spring-forward night: the moved 03:00 and the real 04:00 are one patrol', () => {
      // Wall 01:00 EET, 02:00 EET, 03:00 (→ 04:00 EEST), 04:00 EEST, 05:00 EEST: the third and
      // fourth are both 01:00Z, so one patrol remains there with the lower index.
      const task = { startAt: '2024-03-30T23:00:00.000Z', rule: 'FREQ=HOURLY;COUNT=5' };
      assert.deepEqual(startsOf(expand(task, '2024-03-30T00:00:00Z', '2024-04-01T00:00:00Z')), [
        [0, '2024-03-30T23:00:00.000Z'],
        [1, '2024-03-31T00:00:00.000Z'],
        [2, '2024-03-31T01:00:00.000Z'],
        [4, '2024-03-31T02:00:00.000Z'],
      ]);
      assert.deepEqual(startsOf(expand(task, '2024-03-31T01:00:00Z', '2024-03-31T01:30:00Z')), [
        [2, '2024-03-31T01:00:00.000Z'],
      ]);
    });

    it('hourly across the fall-back night: the second pass of the repeated hour has no patrol', () => {
      // Wall 01:00, 02:00, 03:00 (the first, EEST), 04:00 EET, 05:00 EET: 22:00Z, 23:00Z, 00:00Z,
      // 02:00Z, 03:00Z. The wall-clock reading of the rule generates 03:00 once, and DESIGN §4
      // gives it the first instant, so nothing starts at 01:00Z (the second 03:00).
      const task = { startAt: '2024-10-26T22:00:00.000Z', rule: 'FREQ=HOURLY;COUNT=5' };
      assert.deepEqual(startsOf(expand(task, '2024-10-26T00:00:00Z', '2024-10-28T00:00:00Z')), [
        [0, '2024-10-26T22:00:00.000Z'],
        [1, '2024-10-26T23:00:00.000Z'],
        [2, '2024-10-27T00:00:00.000Z'],
        [3, '2024-10-27T02:00:00.000Z'],
        [4, '2024-10-27T03:00:00.000Z'],
      ]);
    });
  });

  describe('rule parts', () => {
    it('weekly on Monday, Wednesday and Friday for 5 occurrences', () => {
      // 2026-01-05 is a Monday; 09:00 Kyiv is 07:00Z in winter.
      const task = {
        startAt: '2026-01-05T07:00:00.000Z',
        rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=5',
      };
      assert.deepEqual(startsOf(expand(task, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')), [
        [0, '2026-01-05T07:00:00.000Z'],
        [1, '2026-01-07T07:00:00.000Z'],
        [2, '2026-01-09T07:00:00.000Z'],
        [3, '2026-01-12T07:00:00.000Z'],
        [4, '2026-01-14T07:00:00.000Z'],
      ]);
    });

    it('monthly on the 31st skips the months that have no 31st', () => {
      const task = {
        startAt: '2026-01-31T07:00:00.000Z',
        rule: 'FREQ=MONTHLY;BYMONTHDAY=31;COUNT=7',
      };
      assert.deepEqual(startsOf(expand(task, '2026-01-01T00:00:00Z', '2028-01-01T00:00:00Z')), [
        [0, '2026-01-31T07:00:00.000Z'],
        [1, '2026-03-31T06:00:00.000Z'], // Kyiv is on summer time from Mar 29
        [2, '2026-05-31T06:00:00.000Z'],
        [3, '2026-07-31T06:00:00.000Z'],
        [4, '2026-08-31T06:00:00.000Z'],
        [5, '2026-10-31T07:00:00.000Z'],
        [6, '2026-12-31T07:00:00.000Z'],
      ]);
    });

    it('monthly on the last Friday', () => {
      // 18:00 in New York: 23:00Z in winter, 22:00Z from Mar 8.
      const task = {
        startAt: '2026-01-30T23:00:00.000Z',
        timeZone: 'America/New_York',
        rule: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=5',
      };
      assert.deepEqual(startsOf(expand(task, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')), [
        [0, '2026-01-30T23:00:00.000Z'],
        [1, '2026-02-27T23:00:00.000Z'],
        [2, '2026-03-27T22:00:00.000Z'],
        [3, '2026-04-24T22:00:00.000Z'],
        [4, '2026-05-29T22:00:00.000Z'],
      ]);
    });

    it('every other day across the end of February', () => {
      const task = { startAt: '2026-02-27T06:00:00.000Z', rule: 'FREQ=DAILY;INTERVAL=2;COUNT=4' };
      assert.deepEqual(startsOf(expand(task, '2026-02-01T00:00:00Z', '2026-04-01T00:00:00Z')), [
        [0, '2026-02-27T06:00:00.000Z'],
        [1, '2026-03-01T06:00:00.000Z'],
        [2, '2026-03-03T06:00:00.000Z'],
        [3, '2026-03-05T06:00:00.000Z'],
      ]);
    });

    it('a start the rule would not generate is still the first occurrence and counts for COUNT', () => {
      // 2026-01-06 is a Tuesday; the rule names Mondays only.
      const task = { startAt: '2026-01-06T07:00:00.000Z', rule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=3' };
      assert.deepEqual(startsOf(expand(task, '2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z')), [
        [0, '2026-01-06T07:00:00.000Z'],
        [1, '2026-01-12T07:00:00.000Z'],
        [2, '2026-01-19T07:00:00.000Z'],
      ]);
    });
    it("a rule that can never match leaves only the task's own window", () => {
      const task = {
        startAt: '2026-01-01T08:00:00.000Z',
        rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      };
      assert.deepEqual(startsOf(expand(task, '2026-01-01T00:00:00Z', '2076-01-01T00:00:00Z')), [
        [0, '2026-01-01T08:00:00.000Z'],
      ]);
    });

    it('monthly on the last weekday (BYSETPOS=-1), including months that end on a weekend', () => {
      // 2024 month ends (calendar): Mar 31 Sun → Fri Mar 29; Jun 30 Sun → Fri Jun 28; Aug 31 Sat →
      // Fri Aug 30; Nov 30 Sat → Fri Nov 29; every other month ends on a weekday. 17:00 Kyiv is
      // 15:00Z in EET (until Mar 31, again from Oct 27) and 14:00Z in EEST.
      const task = {
        startAt: '2024-01-31T15:00:00.000Z',
        rule: 'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=12',
      };
      assert.deepEqual(startsOf(expand(task, '2024-01-01T00:00:00Z', '2026-01-01T00:00:00Z')), [
        [0, '2024-01-31T15:00:00.000Z'],
        [1, '2024-02-29T15:00:00.000Z'],
        [2, '2024-03-29T15:00:00.000Z'],
        [3, '2024-04-30T14:00:00.000Z'],
        [4, '2024-05-31T14:00:00.000Z'],
        [5, '2024-06-28T14:00:00.000Z'],
        [6, '2024-07-31T14:00:00.000Z'],
        [7, '2024-08-30T14:00:00.000Z'],
        [8, '2024-09-30T14:00:00.000Z'],
        [9, '2024-10-31T15:00:00.000Z'],
        [10, '2024-11-29T15:00:00.000Z'],
        [11, '2024-12-31T15:00:00.000Z'],
      ]);
      assert.deepEqual(startsOf(expand(task, '2024-11-01T00:00:00Z', '2025-06-01T00:00:00Z')), [
        [10, '2024-11-29T15:00:00.000Z'],
        [11, '2024-12-31T15:00:00.000Z'],
      ]);
    });

    it('yearly from February 29 skips the years that have none', () => {
      // RFC 5545: invalid dates are ignored, so the next ones are the leap days of 2028 and 2032.
      // 09:00 Kyiv in February is EET, 07:00Z.
      const task = { startAt: '2024-02-29T07:00:00.000Z', rule: 'FREQ=YEARLY;COUNT=3' };
      assert.deepEqual(startsOf(expand(task, '2024-01-01T00:00:00Z', '2040-01-01T00:00:00Z')), [
        [0, '2024-02-29T07:00:00.000Z'],
        [1, '2028-02-29T07:00:00.000Z'],
        [2, '2032-02-29T07:00:00.000Z'],
      ]);
      const unbounded = { ...task, rule: 'FREQ=YEARLY' };
      assert.deepEqual(
        startsOf(expand(unbounded, '2025-01-01T00:00:00Z', '2031-01-01T00:00:00Z')),
        [[1, '2028-02-29T07:00:00.000Z']],
      );
    });

    it('yearly on the last day of February falls on the 28th outside leap years', () => {
      const task = {
        startAt: '2024-02-29T07:00:00.000Z',
        rule: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1;COUNT=4',
      };
      assert.deepEqual(startsOf(expand(task, '2024-01-01T00:00:00Z', '2030-01-01T00:00:00Z')), [
        [0, '2024-02-29T07:00:00.000Z'],
        [1, '2025-02-28T07:00:00.000Z'],
        [2, '2026-02-28T07:00:00.000Z'],
        [3, '2027-02-28T07:00:00.000Z'],
      ]);
    });
  });

  describe('UNTIL, COUNT and exceptions', () => {
    const window = ['2026-01-01T00:00:00Z', '2027-01-01T00:00:00Z'] as const;

    it('UNTIL at exactly an occurrence start includes that occurrence', () => {
      const task = {
        startAt: '2026-03-01T06:00:00.000Z',
        rule: 'FREQ=DAILY;UNTIL=20260305T060000Z',
      };
      assert.deepEqual(startsOf(expand(task, ...window)).at(-1), [4, '2026-03-05T06:00:00.000Z']);
    });

    it('UNTIL one second before an occurrence start excludes it', () => {
      const task = {
        startAt: '2026-03-01T06:00:00.000Z',
        rule: 'FREQ=DAILY;UNTIL=20260305T055959Z',
      };
      assert.deepEqual(startsOf(expand(task, ...window)).at(-1), [3, '2026-03-04T06:00:00.000Z']);
    });

    it('a date-only UNTIL includes the whole local date', () => {
      // 23:30 in New York on Mar 5 is 04:30Z on Mar 6, still inside "until March 5" locally.
      const task = {
        startAt: '2026-03-02T04:30:00.000Z',
        timeZone: 'America/New_York',
        rule: 'FREQ=DAILY;UNTIL=20260305',
      };
      assert.deepEqual(startsOf(expand(task, ...window)), [
        [0, '2026-03-02T04:30:00.000Z'],
        [1, '2026-03-03T04:30:00.000Z'],
        [2, '2026-03-04T04:30:00.000Z'],
        [3, '2026-03-05T04:30:00.000Z'],
        [4, '2026-03-06T04:30:00.000Z'],
      ]);
    });

    it('COUNT counts occurrences before exceptions remove any', () => {
      const task = {
        startAt: '2026-03-01T06:00:00.000Z',
        rule: 'FREQ=DAILY;COUNT=3',
        exception: '20260302T060000Z',
      };
      assert.deepEqual(startsOf(expand(task, ...window)), [
        [0, '2026-03-01T06:00:00.000Z'],
        [2, '2026-03-03T06:00:00.000Z'],
      ]);
    });

    it('an exception removes the occurrence it ends and the one it starts', () => {
      const task = {
        startAt: '2026-03-01T06:00:00.000Z',
        endAt: '2026-03-01T08:00:00.000Z',
        rule: 'FREQ=DAILY;COUNT=4',
        exception: '20260302T080000Z, 20260304T060000Z',
      };
      assert.deepEqual(startsOf(expand(task, ...window)), [
        [0, '2026-03-01T06:00:00.000Z'],
        [2, '2026-03-03T06:00:00.000Z'],
      ]);
    });

    it('an exception matching no occurrence changes nothing', () => {
      const task = {
        startAt: '2026-03-01T06:00:00.000Z',
        rule: 'FREQ=DAILY;COUNT=2',
        exception: '20260302T063000Z',
      };
      assert.equal(expand(task, ...window).length, 2);
    });
  });

  describe('windows', () => {
    // 20:00–23:00 Kyiv, i.e. 18:00–21:00Z in early March.
    const task = {
      startAt: '2026-03-01T18:00:00.000Z',
      endAt: '2026-03-01T21:00:00.000Z',
      rule: 'FREQ=DAILY',
    };

    it('an occurrence still under way at the window start is included', () => {
      assert.deepEqual(startsOf(expand(task, '2026-03-02T20:00:00Z', '2026-03-03T18:00:00Z')), [
        [1, '2026-03-02T18:00:00.000Z'],
      ]);
    });

    it('an occurrence ending exactly at the window start is not included', () => {
      assert.deepEqual(startsOf(expand(task, '2026-03-02T21:00:00Z', '2026-03-03T18:00:01Z')), [
        [2, '2026-03-03T18:00:00.000Z'],
      ]);
    });

    it('indexes do not depend on the window or on exceptions', () => {
      const wide = startsOf(expand(task, '2026-03-01T00:00:00Z', '2026-03-11T00:00:00Z'));
      const narrow = startsOf(expand(task, '2026-03-06T00:00:00Z', '2026-03-08T00:00:00Z'));
      const excepted = startsOf(
        expand(
          { ...task, exception: '20260303T180000Z' },
          '2026-03-06T00:00:00Z',
          '2026-03-08T00:00:00Z',
        ),
      );
      assert.deepEqual(narrow, [
        [5, '2026-03-06T18:00:00.000Z'],
        [6, '2026-03-07T18:00:00.000Z'],
      ]);
      assert.deepEqual(excepted, narrow);
      assert.deepEqual(wide.slice(5, 7), narrow);
    });
  });

  describe('unbounded rules far from their start', () => {
    it('a daily rule queried ten years later returns the right instants', () => {
      // 2026-01-01 → 2036-07-01 is 3,834 days. Measured here at 1–5 ms (the series restarts whole
      // periods later instead of generating the 3,834 occurrences before the window); speed is a
      // benchmark matter, never a timed test.
      const task = { startAt: '2026-01-01T18:00:00.000Z', rule: 'FREQ=DAILY' };
      const occurrences = expand(task, '2036-07-01T00:00:00Z', '2036-07-03T00:00:00Z');
      assert.deepEqual(startsOf(occurrences), [
        [3834, '2036-07-01T17:00:00.000Z'],
        [3835, '2036-07-02T17:00:00.000Z'],
      ]);
    });

    it('an every-six-hours rule queried ten years later keeps counting from its start', () => {
      // 3,652 days × 4 occurrences a day before 2036-01-01.
      const task = {
        startAt: '2026-01-01T00:00:00.000Z',
        timeZone: 'UTC',
        rule: 'FREQ=HOURLY;INTERVAL=6',
      };
      assert.deepEqual(startsOf(expand(task, '2036-01-01T00:00:00Z', '2036-01-01T12:00:00Z')), [
        [14608, '2036-01-01T00:00:00.000Z'],
        [14609, '2036-01-01T06:00:00.000Z'],
      ]);
    });

    it('a Monday-Wednesday-Friday rule a year later continues the numbering', () => {
      // 2026-01-05 + 52 weeks = 2027-01-04, a Monday: 3 occurrences a week before it.
      const task = { startAt: '2026-01-05T07:00:00.000Z', rule: 'FREQ=WEEKLY;BYDAY=MO,WE,FR' };
      assert.deepEqual(startsOf(expand(task, '2027-01-04T00:00:00Z', '2027-01-09T00:00:00Z')), [
        [156, '2027-01-04T07:00:00.000Z'],
        [157, '2027-01-06T07:00:00.000Z'],
        [158, '2027-01-08T07:00:00.000Z'],
      ]);
    });

    it('restarting the series later gives the same indexes as expanding from the start', () => {
      const rules = [
        'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SA',
        'FREQ=DAILY;INTERVAL=3;BYDAY=MO,TH;BYHOUR=8,20',
        'FREQ=HOURLY;INTERVAL=5;BYHOUR=9,10,11',
        'FREQ=DAILY;BYHOUR=6,18;BYSETPOS=-1',
      ];
      for (const rule of rules) {
        // A Thursday start: not generated by every rule, which is the hard case for numbering.
        const task = { startAt: '2026-01-08T10:15:00.000Z', rule };
        const full = startsOf(expand(task, '2026-01-01T00:00:00Z', '2027-07-01T00:00:00Z'));
        const late = startsOf(expand(task, '2027-05-01T00:00:00Z', '2027-07-01T00:00:00Z'));
        assert.ok(late.length > 0, rule);
        assert.deepEqual(late, full.slice(full.length - late.length), rule);
      }
    });
  });

  describe('RFC 5545 §3.8.5.3 examples in America/New_York', () => {
    const newYork = (startAt: string, rule: string, exception: string | null = null) => ({
      startAt,
      timeZone: 'America/New_York',
      rule,
      exception,
    });

    it('every other week on Tuesday and Thursday, for 8 occurrences', () => {
      const task = newYork(
        '1997-09-02T13:00:00.000Z',
        'FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH',
      );
      // (1997 9:00 AM EDT) September 2,4,16,18,30; October 2,14,16
      assert.deepEqual(
        expand(task, '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z').map((o) =>
          o.startAt.toISOString(),
        ),
        ['09-02', '09-04', '09-16', '09-18', '09-30', '10-02', '10-14', '10-16'].map(
          (day) => `1997-${day}T13:00:00.000Z`,
        ),
      );
    });

    it('monthly on the first Friday until December 24, 1997', () => {
      const task = newYork(
        '1997-09-05T13:00:00.000Z',
        'FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR',
      );
      // (1997 9:00 AM EDT) September 5; October 3 (1997 9:00 AM EST) November 7; December 5
      assert.deepEqual(startsOf(expand(task, '1997-01-01T00:00:00Z', '1999-01-01T00:00:00Z')), [
        [0, '1997-09-05T13:00:00.000Z'],
        [1, '1997-10-03T13:00:00.000Z'],
        [2, '1997-11-07T14:00:00.000Z'],
        [3, '1997-12-05T14:00:00.000Z'],
      ]);
    });

    it('every day in January, for 3 years, written both ways', () => {
      // (1998, 1999, 2000 9:00 AM EST) January 1-31; UNTIL is exactly the last start.
      const expected = [1998, 1999, 2000].flatMap((year) =>
        Array.from(
          { length: 31 },
          (_, i) => `${year}-01-${String(i + 1).padStart(2, '0')}T14:00:00.000Z`,
        ),
      );
      for (const rule of [
        'FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1',
        'FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA',
      ]) {
        const occurrences = expand(
          newYork('1998-01-01T14:00:00.000Z', rule),
          '1997-01-01T00:00:00Z',
          '2002-01-01T00:00:00Z',
        );
        assert.deepEqual(
          occurrences.map((o) => o.startAt.toISOString()),
          expected,
          rule,
        );
        assert.equal(occurrences.at(-1)!.index, 92, rule);
      }
    });

    it('every 20 minutes from 9:00 AM to 4:40 PM every day', () => {
      const task = newYork(
        '1997-09-02T13:00:00.000Z',
        'FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40',
      );
      // (September 2, 1997 EDT) 9:00, 9:20, ... 16:20, 16:40
      const expected = [13, 14, 15, 16, 17, 18, 19, 20].flatMap((hour) =>
        ['00', '20', '40'].map((minute) => `1997-09-02T${hour}:${minute}:00.000Z`),
      );
      const occurrences = expand(task, '1997-09-02T00:00:00Z', '1997-09-03T04:00:00Z');
      assert.deepEqual(
        occurrences.map((o) => o.startAt.toISOString()),
        expected,
      );
    });

    it('WKST changes which days an every-other-week rule generates', () => {
      const days = (wkst: string) =>
        expand(
          newYork(
            '1997-08-05T13:00:00.000Z',
            `FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=${wkst}`,
          ),
          '1997-01-01T00:00:00Z',
          '1998-01-01T00:00:00Z',
        ).map((o) => o.startAt.toISOString().slice(0, 10));
      assert.deepEqual(days('MO'), ['1997-08-05', '1997-08-10', '1997-08-19', '1997-08-24']);
      assert.deepEqual(days('SU'), ['1997-08-05', '1997-08-17', '1997-08-19', '1997-08-31']);
    });

    it('an invalid date (February 30) is ignored', () => {
      const task = newYork('2007-01-15T14:00:00.000Z', 'FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5');
      // (2007 EST) January 15,30; February 15 (2007 EDT) March 15,30
      assert.deepEqual(startsOf(expand(task, '2007-01-01T00:00:00Z', '2008-01-01T00:00:00Z')), [
        [0, '2007-01-15T14:00:00.000Z'],
        [1, '2007-01-30T14:00:00.000Z'],
        [2, '2007-02-15T14:00:00.000Z'],
        [3, '2007-03-15T13:00:00.000Z'],
        [4, '2007-03-30T13:00:00.000Z'],
      ]);
    });

    it('the third Tuesday, Wednesday or Thursday of the month, for 3 months', () => {
      const task = newYork(
        '1997-09-04T13:00:00.000Z',
        'FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3',
      );
      assert.deepEqual(startsOf(expand(task, '1997-01-01T00:00:00Z', '1998-01-01T00:00:00Z')), [
        [0, '1997-09-04T13:00:00.000Z'],
        [1, '1997-10-07T13:00:00.000Z'],
        [2, '1997-11-06T14:00:00.000Z'],
      ]);
    });

    it('every Friday the 13th, with the unmatched start excepted', () => {
      // The RFC removes its Tuesday DTSTART with an EXDATE: the start is an occurrence otherwise.
      const task = newYork(
        '1997-09-02T13:00:00.000Z',
        'FREQ=MONTHLY;BYDAY=FR;BYMONTHDAY=13',
        '19970902T130000Z',
      );
      // (1998 EST) February 13; March 13; November 13 (1999 EDT) August 13 (2000 EDT) October 13
      assert.deepEqual(startsOf(expand(task, '1997-01-01T00:00:00Z', '2001-01-01T00:00:00Z')), [
        [1, '1998-02-13T14:00:00.000Z'],
        [2, '1998-03-13T14:00:00.000Z'],
        [3, '1998-11-13T14:00:00.000Z'],
        [4, '1999-08-13T13:00:00.000Z'],
        [5, '2000-10-13T13:00:00.000Z'],
      ]);
    });
  });
});
