import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RecurrenceError, parseRecurrence } from './recurrence-parsing.js';

function issuesOf(rule: string, exception: string | null = null): string[] {
  try {
    parseRecurrence({ rule, exception });
  } catch (error) {
    assert.ok(error instanceof RecurrenceError);
    return error.issues.map((issue) => `${issue.pointer} ${issue.detail}`);
  }
  assert.fail(`"${rule}" / ${String(exception)} was accepted`);
}

describe('parseRecurrence', () => {
  it('reads every part of a valid rule and the exceptions', () => {
    const parsed = parseRecurrence({
      rule: 'FREQ=MONTHLY;INTERVAL=2;BYDAY=-1FR,MO;BYMONTH=1,7;BYHOUR=9;WKST=SU;COUNT=10',
      exception: '20230307T210000Z , 20230309T210000Z,20230309T210000Z',
    });
    assert.equal(parsed.rule.frequency, 'MONTHLY');
    assert.equal(parsed.rule.interval, 2);
    assert.equal(parsed.rule.count, 10);
    assert.equal(parsed.rule.until, null);
    assert.deepEqual(parsed.rule.byDay, [
      { weekday: 'FR', ordinal: -1 },
      { weekday: 'MO', ordinal: null },
    ]);
    assert.deepEqual(parsed.rule.byMonth, [1, 7]);
    assert.deepEqual(parsed.rule.byHour, [9]);
    assert.equal(parsed.rule.weekStart, 'SU');
    assert.deepEqual(
      parsed.exceptions.map((d) => d.toISOString()),
      ['2023-03-07T21:00:00.000Z', '2023-03-09T21:00:00.000Z', '2023-03-09T21:00:00.000Z'],
    );
  });

  it('reads UNTIL as a UTC instant or as a date', () => {
    const instant = parseRecurrence({ rule: 'FREQ=DAILY;UNTIL=20230309T210000Z', exception: null });
    assert.deepEqual(instant.rule.until, {
      kind: 'INSTANT',
      at: new Date('2023-03-09T21:00:00.000Z'),
    });
    const date = parseRecurrence({ rule: 'FREQ=DAILY;UNTIL=20240229', exception: '' });
    assert.deepEqual(date.rule.until, { kind: 'DATE', date: '2024-02-29' });
    assert.deepEqual(date.exceptions, []);
  });

  it('accepts lower-case names and values, as RFC 5545 makes them case-insensitive', () => {
    const parsed = parseRecurrence({ rule: 'freq=weekly;byday=mo,fr', exception: null });
    assert.equal(parsed.rule.frequency, 'WEEKLY');
    assert.deepEqual(
      parsed.rule.byDay.map((day) => day.weekday),
      ['MO', 'FR'],
    );
  });

  it('refuses the RRULE: prefix and says to remove it', () => {
    assert.deepEqual(issuesOf('RRULE:FREQ=DAILY'), [
      '/recurrence/rule remove the "RRULE:" prefix: the rule is the RRULE value only, e.g. "FREQ=DAILY"',
    ]);
  });

  it('names each refused part of the rule', () => {
    const cases: [string, string][] = [
      ['FREQ=DAILY;FOO=1', 'unknown part "FOO"'],
      ['FREQ=DAILY;UNTIL=2023-03-09', 'UNTIL "2023-03-09" is not YYYYMMDD or YYYYMMDDTHHMMSSZ'],
      [
        'FREQ=DAILY;UNTIL=20230309T210000',
        'UNTIL "20230309T210000" is not YYYYMMDD or YYYYMMDDTHHMMSSZ (a time must end in Z: UNTIL is in UTC)',
      ],
      ['FREQ=DAILY;UNTIL=20230230', 'UNTIL "20230230" is not a real date'],
      ['FREQ=DAILY;UNTIL=20230309T240000Z', 'UNTIL "20230309T240000Z" is not a real date and time'],
      ['FREQ=DAILY;COUNT=3;UNTIL=20230309T210000Z', 'COUNT and UNTIL cannot be used together'],
      ['INTERVAL=2', 'FREQ is required, e.g. "FREQ=DAILY"'],
      [
        'FREQ=FORTNIGHTLY',
        'FREQ "FORTNIGHTLY" is not one of SECONDLY, MINUTELY, HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY',
      ],
      ['FREQ=DAILY;INTERVAL=0', 'INTERVAL "0" is not a whole number of at least 1'],
      ['FREQ=DAILY;COUNT=-1', 'COUNT "-1" is not a whole number of at least 1'],
      ['FREQ=WEEKLY;BYDAY=MO,XX', 'BYDAY value "XX" is not a weekday like MO, FR or -1FR'],
      [
        'FREQ=MONTHLY;BYDAY=0MO',
        'BYDAY value "0MO" is out of range: the ordinal is 1 to 53 or -53 to -1',
      ],
      [
        'FREQ=MONTHLY;BYDAY=6FR',
        'BYDAY value "6FR" is out of range: a month has at most 5 of each weekday',
      ],
      [
        'FREQ=WEEKLY;BYDAY=1MO',
        'BYDAY value "1MO" has an ordinal, which only FREQ=MONTHLY or YEARLY allows',
      ],
      ['FREQ=MONTHLY;BYMONTHDAY=32', 'BYMONTHDAY value "32" is out of range 1 to 31 or -31 to -1'],
      ['FREQ=MONTHLY;BYMONTHDAY=0', 'BYMONTHDAY value "0" is out of range 1 to 31 or -31 to -1'],
      ['FREQ=YEARLY;BYMONTH=13', 'BYMONTH value "13" is out of range 1 to 12'],
      [
        'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0',
        'BYSETPOS value "0" is out of range 1 to 366 or -366 to -1',
      ],
      ['FREQ=DAILY;BYHOUR=24', 'BYHOUR value "24" is out of range 0 to 23'],
      ['FREQ=DAILY;BYMINUTE=60', 'BYMINUTE value "60" is out of range 0 to 59'],
      ['FREQ=DAILY;BYHOUR=9,,10', 'BYHOUR value "" is not a whole number'],
      ['FREQ=MONTHLY;BYSETPOS=1', 'BYSETPOS needs another BYxxx part to pick positions from'],
      ['FREQ=WEEKLY;BYMONTHDAY=1', 'BYMONTHDAY cannot be used with FREQ=WEEKLY'],
      ['FREQ=MONTHLY;BYWEEKNO=20', 'BYWEEKNO can only be used with FREQ=YEARLY, not FREQ=MONTHLY'],
      ['FREQ=DAILY;WKST=XX', 'WKST "XX" is not one of MO, TU, WE, TH, FR, SA, SU'],
      ['FREQ=DAILY;FREQ=WEEKLY', 'part "FREQ" appears more than once'],
      ['FREQ=DAILY;', 'the rule has an empty part (";;" or a ";" at either end)'],
      ['FREQ=DAILY;COUNT', 'part "COUNT" is not NAME=VALUE'],
    ];
    for (const [rule, detail] of cases) {
      assert.deepEqual(issuesOf(rule), [`/recurrence/rule ${detail}`], rule);
    }
  });

  it('lists every problem of the rule and the exceptions at once', () => {
    assert.deepEqual(issuesOf('FREQ=DAILY;FOO=1;BYHOUR=25', '20230230T000000Z,2023-03-07,'), [
      '/recurrence/rule unknown part "FOO"',
      '/recurrence/rule BYHOUR value "25" is out of range 0 to 23',
      '/recurrence/exception exception "20230230T000000Z" is not a real date and time',
      '/recurrence/exception exception "2023-03-07" is not a UTC instant YYYYMMDDTHHMMSSZ',
      '/recurrence/exception the exception list has an empty item (",," or a "," at either end)',
    ]);
  });

  it('refuses rules that repeat more than every 5 minutes, counting what BY parts add', () => {
    // Expected counts worked out by hand from RFC 5545 §3.3.10's expand/limit table.
    const limit = 'a task repeats at most 288 times a day (every 5 minutes)';
    assert.deepEqual(issuesOf('FREQ=SECONDLY'), [
      `/recurrence/rule the rule can repeat up to 86400 times a day; ${limit}`,
    ]);
    // BYMONTH limits to February, but each February day still has every second.
    assert.deepEqual(issuesOf('FREQ=SECONDLY;BYMONTH=2'), [
      `/recurrence/rule the rule can repeat up to 86400 times a day; ${limit}`,
    ]);
    assert.deepEqual(issuesOf('FREQ=MINUTELY;INTERVAL=4'), [
      `/recurrence/rule the rule can repeat up to 360 times a day; ${limit}`,
    ]);
    // 24 hours × 15 minutes: BYMINUTE expands a daily rule.
    assert.deepEqual(
      issuesOf(
        `FREQ=DAILY;BYHOUR=${[...Array(24).keys()].join(',')};BYMINUTE=${[...Array(15).keys()].map((m) => m * 4).join(',')}`,
      ),
      [`/recurrence/rule the rule can repeat up to 360 times a day; ${limit}`],
    );
    assert.deepEqual(
      issuesOf('FREQ=HOURLY;BYMINUTE=0,5,10,15,20,25,30,35,40,45,50,55;BYSECOND=0,30'),
      [`/recurrence/rule the rule can repeat up to 576 times a day; ${limit}`],
    );
    for (const accepted of [
      'FREQ=MINUTELY;INTERVAL=5',
      'FREQ=SECONDLY;INTERVAL=300',
      'FREQ=SECONDLY;BYSECOND=0;BYMINUTE=0,30',
      'FREQ=HOURLY;BYMINUTE=0,20,40',
      'FREQ=WEEKLY;BYDAY=MO,WE,FR;BYHOUR=8,20',
      `FREQ=DAILY;BYHOUR=${[...Array(24).keys()].join(',')};BYMINUTE=0,30,45`,
    ])
      assert.doesNotThrow(() => parseRecurrence({ rule: accepted, exception: null }), accepted);
  });

  it('refuses an exception that is not a UTC instant', () => {
    assert.deepEqual(issuesOf('FREQ=DAILY', '20230307T210000'), [
      '/recurrence/exception exception "20230307T210000" is not a UTC instant YYYYMMDDTHHMMSSZ',
    ]);
  });
});
