import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { nextSendAt, periodOf, type SendTiming } from './report-periods.js';

// Expected instants worked out by hand from the zones' published rules: Europe/Kyiv is UTC+2 in
// winter and UTC+3 from 03:00 local on the last Sunday of March (2027-03-28) to 04:00 local on the
// last Sunday of October (2027-10-31); America/New_York moves 02:00→03:00 on 2027-03-14 and
// 02:00→01:00 on 2027-11-07.
const kyivDaily: SendTiming = {
  frequency: 'DAILY',
  weekday: null,
  hour: 7,
  timeZone: 'Europe/Kyiv',
};

describe('report send times', () => {
  const cases: [string, SendTiming, string, string][] = [
    ['later the same day', kyivDaily, '2026-12-04T03:00:00Z', '2026-12-04T05:00:00.000Z'],
    [
      'the next day once today’s hour has passed',
      kyivDaily,
      '2026-12-04T05:00:00Z',
      '2026-12-05T05:00:00.000Z',
    ],
    [
      'after Kyiv’s clocks go forward (UTC+3)',
      kyivDaily,
      '2027-03-27T06:00:00Z',
      '2027-03-28T04:00:00.000Z',
    ],
    [
      'after Kyiv’s clocks go back (UTC+2)',
      kyivDaily,
      '2027-10-30T05:00:00Z',
      '2027-10-31T05:00:00.000Z',
    ],
    [
      'weekly on Monday from a Friday (2026-12-04 is a Friday)',
      { frequency: 'WEEKLY', weekday: 1, hour: 8, timeZone: 'Europe/Kyiv' },
      '2026-12-04T12:00:00Z',
      '2026-12-07T06:00:00.000Z',
    ],
    [
      'weekly on the same weekday, a week on once the hour has passed',
      { frequency: 'WEEKLY', weekday: 5, hour: 8, timeZone: 'Europe/Kyiv' },
      '2026-12-04T06:00:00Z',
      '2026-12-11T06:00:00.000Z',
    ],
    [
      'an hour in New York’s spring-forward gap moves forward by the gap (02:00 → 03:00 EDT)',
      { frequency: 'DAILY', weekday: null, hour: 2, timeZone: 'America/New_York' },
      '2027-03-13T08:00:00Z',
      '2027-03-14T07:00:00.000Z',
    ],
    [
      'an hour repeated when New York falls back runs once, at its first pass (01:00 EDT)',
      { frequency: 'DAILY', weekday: null, hour: 1, timeZone: 'America/New_York' },
      '2027-11-06T06:00:00Z',
      '2027-11-07T05:00:00.000Z',
    ],
  ];
  for (const [name, timing, after, expected] of cases)
    it(name, () => assert.equal(nextSendAt(timing, new Date(after)), expected));
});

describe('report periods', () => {
  it('a daily report covers the schedule zone’s previous calendar day', () => {
    assert.deepEqual(periodOf(kyivDaily, '2026-12-05T05:00:00.000Z'), {
      from: '2026-12-03T22:00:00.000Z',
      to: '2026-12-04T22:00:00.000Z',
    });
  });

  it('a day with the clocks going forward is 23 hours long', () => {
    assert.deepEqual(periodOf(kyivDaily, '2027-03-29T04:00:00.000Z'), {
      from: '2027-03-27T22:00:00.000Z',
      to: '2027-03-28T21:00:00.000Z',
    });
  });

  it('a weekly report covers the seven days before the send day', () => {
    const weekly: SendTiming = {
      frequency: 'WEEKLY',
      weekday: 1,
      hour: 8,
      timeZone: 'Europe/Kyiv',
    };
    assert.deepEqual(periodOf(weekly, '2026-12-07T06:00:00.000Z'), {
      from: '2026-11-29T22:00:00.000Z',
      to: '2026-12-06T22:00:00.000Z',
    });
  });
});
