import { SaxesParser } from 'saxes';
import { EventLogBuilder, type CaseEventLog } from './event-log.model';
import { writeXes } from './xes-writer';

function logOf(
  events: [caseId: string, activity: string, time: string | null, resource?: string][],
): CaseEventLog {
  const builder = new EventLogBuilder();
  for (const [caseId, activity, time, resource] of events)
    builder.add(caseId, activity, time === null ? null : Date.parse(time), resource ?? null);
  return builder.build();
}

/** Every element of the document as `name key=value` lines, as an XML parser reads them. */
function elementsOf(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: false });
  const seen: string[] = [];
  parser.on('opentag', (tag) => {
    const { key, value } = tag.attributes as Record<string, string | undefined>;
    seen.push(key === undefined ? tag.name : `${tag.name} ${key}=${value}`);
  });
  parser.write(xml).close();
  return seen;
}

/** The string attributes an XML parser reads, after the two of the globals. */
const stringsOf = (xml: string) =>
  elementsOf(xml)
    .filter((line) => line.startsWith('string '))
    .slice(2);

const HEADER = [
  '<?xml version="1.0" encoding="UTF-8"?>',
  '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
  '  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>',
  '  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>',
  '  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>',
  '  <global scope="trace">',
  '    <string key="concept:name" value="__INVALID__"/>',
  '  </global>',
  '  <global scope="event">',
  '    <string key="concept:name" value="__INVALID__"/>',
  '  </global>',
  '  <classifier name="Activity" keys="concept:name"/>',
];

describe('writeXes', () => {
  it('writes the extensions, a trace per case and its events in log order, time in UTC with ms', () => {
    const log = logOf([
      ['SO-1', 'Receive order', '2024-03-01T09:00:00+01:00', 'Ana'],
      ['SO-2', 'Receive order', '2024-03-01T09:30:00Z'],
      ['SO-1', 'Ship', '2024-03-01T12:00:00.250Z', 'Ben'],
    ]);

    expect(writeXes(log, { logName: 'Order fulfilment' })).toBe(
      [
        ...HEADER,
        '  <string key="concept:name" value="Order fulfilment"/>',
        '  <trace>',
        '    <string key="concept:name" value="SO-1"/>',
        '    <event>',
        '      <string key="concept:name" value="Receive order"/>',
        // 09:00+01:00 is 08:00Z.
        '      <date key="time:timestamp" value="2024-03-01T08:00:00.000Z"/>',
        '      <string key="org:resource" value="Ana"/>',
        '    </event>',
        '    <event>',
        '      <string key="concept:name" value="Ship"/>',
        '      <date key="time:timestamp" value="2024-03-01T12:00:00.250Z"/>',
        '      <string key="org:resource" value="Ben"/>',
        '    </event>',
        '  </trace>',
        '  <trace>',
        '    <string key="concept:name" value="SO-2"/>',
        '    <event>',
        '      <string key="concept:name" value="Receive order"/>',
        '      <date key="time:timestamp" value="2024-03-01T09:30:00.000Z"/>',
        '    </event>',
        '  </trace>',
        '</log>',
        '',
      ].join('\n'),
    );
  });

  it('leaves out the time of an event without one and the log name when none is given', () => {
    const xml = writeXes(logOf([['c1', 'Note', null]]));

    expect(xml).toBe(
      [
        ...HEADER,
        '  <trace>',
        '    <string key="concept:name" value="c1"/>',
        '    <event>',
        '      <string key="concept:name" value="Note"/>',
        '    </event>',
        '  </trace>',
        '</log>',
        '',
      ].join('\n'),
    );
  });

  it('writes an empty log as a log without traces', () => {
    expect(writeXes(new EventLogBuilder().build())).toBe([...HEADER, '</log>', ''].join('\n'));
  });

  it('escapes markup, quotes and line breaks so a parser reads the values back unchanged', () => {
    const log = logOf([
      ['A&B <"quoted"> \'single\'', 'Check\tline 1\nline 2\r', '2024-03-01T08:00:00Z', 'Müller & Co'],
    ]);
    const xml = writeXes(log, { logName: '<Orders>' });

    expect(xml).toContain(
      '<string key="concept:name" value="A&amp;B &lt;&quot;quoted&quot;&gt; &apos;single&apos;"/>',
    );
    expect(xml).toContain('<string key="concept:name" value="Check&#9;line 1&#10;line 2&#13;"/>');
    expect(stringsOf(xml)).toEqual([
      'string concept:name=<Orders>',
      'string concept:name=A&B <"quoted"> \'single\'',
      'string concept:name=Check\tline 1\nline 2\r',
      'string org:resource=Müller & Co',
    ]);
  });

  it('replaces characters XML 1.0 cannot carry with U+FFFD, keeping paired surrogates', () => {
    // \u0001 and \u001F are controls, \uD800 is half a pair; 📦 is a whole pair.
    const log = logOf([['c\u0001', 'Pack 📦\u001F', null, 'x\uD800y']]);

    expect(stringsOf(writeXes(log))).toEqual([
      'string concept:name=c\uFFFD',
      'string concept:name=Pack 📦\uFFFD',
      'string org:resource=x\uFFFDy',
    ]);
  });
});
