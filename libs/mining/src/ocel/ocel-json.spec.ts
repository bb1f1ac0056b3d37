import { parseOcelJson, writeOcelJson } from './ocel-json';
import type { OcelLog } from './ocel.model';
import { exceptionLog } from './ocel.test-support';

/** The message parseOcelJson rejects the document (or text) with. */
function rejection(document: unknown): string {
  try {
    parseOcelJson(typeof document === 'string' ? document : JSON.stringify(document));
    return 'parsed';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('parseOcelJson', () => {
  it('reads a complete OCEL 2.0 document into the log it describes', () => {
    expect(parseOcelJson(JSON.stringify(exceptionLog()))).toEqual(exceptionLog());
  });

  it('skips a byte-order mark', () => {
    expect(parseOcelJson(`\uFEFF${JSON.stringify(exceptionLog())}`)).toEqual(exceptionLog());
  });

  it('fills in what a sparse document leaves out and reads loose values leniently', () => {
    const log = parseOcelJson(
      JSON.stringify({
        objectTypes: [
          {
            name: 'order',
            attributes: [{ name: 'total', type: 'DOUBLE' }, { name: 'due', type: 'date' }, { type: 'x' }],
          },
          { name: ' ' },
          'not a declaration',
          { name: 'pallet' },
        ],
        eventTypes: { 'not a': 'list' },
        objects: [
          {
            id: 'o1',
            type: 'order',
            attributes: [
              { name: 'total', value: 10 },
              { name: 'note', value: null, time: '2024-03-01T08:00:00Z' },
              { name: 'due', value: '2024-03-09', time: '2024-03-01T08:00:00Z' },
            ],
            relationships: [{ objectId: 'o2' }],
          },
          { id: 'o2', type: 'order' },
          { id: 'o1', type: 'pallet', attributes: [{ name: 'ignored', value: 1 }] },
        ],
        events: [
          {
            id: 'e1',
            type: 'Receive',
            time: '2024-03-01T08:00:00Z',
            attributes: [{ name: 'flag', value: { nested: true } }],
          },
          { type: 'Check', time: 1709280000000 },
          { id: 7, type: 'Ship' },
        ],
      }),
    );

    expect(log).toEqual<OcelLog>({
      // The unnamed attribute, the blank type name and the string are left out; DOUBLE is float.
      objectTypes: [
        {
          name: 'order',
          attributes: [
            { name: 'total', type: 'float' },
            { name: 'due', type: 'time' },
          ],
        },
        { name: 'pallet', attributes: [] },
      ],
      eventTypes: [],
      objects: [
        {
          id: 'o1',
          type: 'order',
          // No time: the initial value (the epoch). A null value is no value.
          attributes: [
            { name: 'total', time: '1970-01-01T00:00:00Z', value: 10 },
            { name: 'due', time: '2024-03-01T08:00:00Z', value: '2024-03-09' },
          ],
          relationships: [{ objectId: 'o2', qualifier: '' }],
        },
        { id: 'o2', type: 'order', attributes: [], relationships: [] },
        // The second o1 (a pallet) is left out: the first declaration holds.
      ],
      events: [
        { id: 'e1', type: 'Receive', time: '2024-03-01T08:00:00Z', attributes: [], relationships: [] },
        // No id: its position; a number as time: no time.
        { id: '#2', type: 'Check', time: '', attributes: [], relationships: [] },
        { id: '7', type: 'Ship', time: '', attributes: [], relationships: [] },
      ],
    });
  });

  it('keeps relationships to objects the log does not declare', () => {
    const log = parseOcelJson(
      JSON.stringify({
        objects: [],
        events: [
          { id: 'e1', type: 'A', time: '2024-03-01', relationships: [{ objectId: 'ghost', qualifier: 'q' }] },
        ],
      }),
    );

    expect(log.events[0].relationships).toEqual([{ objectId: 'ghost', qualifier: 'q' }]);
  });

  it('rejects text that is not JSON or not an OCEL 2.0 document', () => {
    expect(rejection('{"events": [')).toMatch(/^not JSON \(.+\)$/);
    expect(rejection('')).toMatch(/^not JSON \(.+\)$/);
    expect(rejection([])).toBe('not an OCEL 2.0 document: the top level is not a JSON object');
    expect(rejection({ objects: [] })).toBe('not an OCEL 2.0 document: no events array');
    expect(rejection({ events: [], objects: {} })).toBe('not an OCEL 2.0 document: no objects array');
    expect(rejection({ 'ocel:events': {}, 'ocel:objects': {} })).toBe(
      'not an OCEL 2.0 document: no events array (it looks like OCEL 1.0, which keeps events in ocel:events)',
    );
  });

  it('names the object at fault, by id or else by position', () => {
    const events: unknown[] = [];
    expect(rejection({ events, objects: [{ id: 'o1', type: 'order' }, 'o2'] })).toBe(
      'object #2 is not a JSON object',
    );
    expect(
      rejection({
        events,
        objects: [
          { id: 'o1', type: 'order' },
          { id: '', type: 'order' },
        ],
      }),
    ).toBe('object #2 has no id');
    expect(rejection({ events, objects: [{ id: 'o1' }] })).toBe('object o1 has no type');
    expect(rejection({ events, objects: [{ id: 'o1', type: 'order', attributes: {} }] })).toBe(
      'object o1 has attributes that are not a list',
    );
    expect(rejection({ events, objects: [{ id: 'o1', type: 'order', attributes: [{ value: 1 }] }] })).toBe(
      'object o1 has an attribute without a name',
    );
    expect(
      rejection({ events, objects: [{ id: 'o1', type: 'order', relationships: [{ qualifier: 'for' }] }] }),
    ).toBe('object o1 has a relationship without an objectId');
  });

  it('names the event at fault, by id or else by position', () => {
    const objects = [{ id: 'o1', type: 'order' }];
    expect(rejection({ objects, events: [{ id: 'e1', type: 'A' }, null] })).toBe(
      'event #2 is not a JSON object',
    );
    expect(rejection({ objects, events: [{ id: 'e1', type: 'A' }, { time: '2024-03-01' }] })).toBe(
      'event #2 has no type',
    );
    expect(rejection({ objects, events: [{ id: 'e1', type: 'A', relationships: [{ objectId: 5 }] }] })).toBe(
      'event e1 has a relationship without an objectId',
    );
    expect(rejection({ objects, events: [{ id: 'e1', type: 'A', relationships: {} }] })).toBe(
      'event e1 has relationships that are not a list',
    );
    expect(rejection({ objects, events: [{ id: 'e1', type: 'A', attributes: ['x'] }] })).toBe(
      'event e1 has an attribute without a name',
    );
  });
});

describe('writeOcelJson', () => {
  it('writes the four lists of the standard, every event and object with both of its lists', () => {
    const log: OcelLog = {
      objectTypes: [{ name: 'order', attributes: [] }],
      eventTypes: [{ name: 'Receive', attributes: [] }],
      objects: [{ id: 'o1', type: 'order' }],
      events: [{ id: 'e1', type: 'Receive', time: '2024-03-01T08:00:00Z' }],
    };

    expect(writeOcelJson(log)).toBe(
      '{"objectTypes":[{"name":"order","attributes":[]}],"eventTypes":[{"name":"Receive","attributes":[]}],' +
        '"objects":[{"id":"o1","type":"order","attributes":[],"relationships":[]}],' +
        '"events":[{"id":"e1","type":"Receive","time":"2024-03-01T08:00:00Z","attributes":[],"relationships":[]}]}',
    );
    expect(writeOcelJson(log, { indent: 2 }).split('\n').slice(0, 4)).toEqual([
      '{',
      '  "objectTypes": [',
      '    {',
      '      "name": "order",',
    ]);
  });

  it('declares the types and attributes the log uses but does not declare', () => {
    const log: OcelLog = {
      objectTypes: [{ name: 'order', attributes: [{ name: 'status', type: 'string' }] }],
      eventTypes: [],
      objects: [
        {
          id: 'o1',
          type: 'order',
          attributes: [
            { name: 'status', time: '1970-01-01T00:00:00Z', value: 'open' },
            { name: 'lines', time: '1970-01-01T00:00:00Z', value: 2 },
          ],
        },
        { id: 't1', type: 'truck', attributes: [{ name: 'load', time: '1970-01-01T00:00:00Z', value: 0.5 }] },
      ],
      events: [
        {
          id: 'e1',
          type: 'Weigh',
          time: '2024-03-01T08:00:00Z',
          attributes: [
            { name: 'kg', value: 12 },
            { name: 'ok', value: true },
          ],
        },
        { id: 'e2', type: 'Weigh', time: '2024-03-01T09:00:00Z', attributes: [{ name: 'kg', value: 12.5 }] },
      ],
    };

    const written = JSON.parse(writeOcelJson(log));

    expect(written.objectTypes).toEqual([
      {
        name: 'order',
        attributes: [
          { name: 'status', type: 'string' },
          { name: 'lines', type: 'integer' },
        ],
      },
      { name: 'truck', attributes: [{ name: 'load', type: 'float' }] },
    ]);
    // kg is 12 then 12.5: float.
    expect(written.eventTypes).toEqual([
      {
        name: 'Weigh',
        attributes: [
          { name: 'kg', type: 'float' },
          { name: 'ok', type: 'boolean' },
        ],
      },
    ]);
  });

  it('writes a log that parses back equal', () => {
    expect(parseOcelJson(writeOcelJson(exceptionLog()))).toEqual(exceptionLog());
    expect(parseOcelJson(writeOcelJson(exceptionLog(), { indent: 2 }))).toEqual(exceptionLog());
  });
});
