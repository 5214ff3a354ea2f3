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
