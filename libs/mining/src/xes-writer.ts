import type { CaseEventLog } from './event-log.model';

/** Options of {@link writeXes}. */
export interface XesWriteOptions {
  /** The log's concept:name (a process name, say); none when absent. */
  logName?: string;
}

/** The standard extensions the written attributes belong to, declared in every log. */
const EXTENSIONS = [
  { name: 'Concept', prefix: 'concept', uri: 'http://www.xes-standard.org/concept.xesext' },
  { name: 'Time', prefix: 'time', uri: 'http://www.xes-standard.org/time.xesext' },
  { name: 'Organizational', prefix: 'org', uri: 'http://www.xes-standard.org/org.xesext' },
] as const;

/**
 * Characters XML 1.0 cannot carry even as references (C0 controls but tab, newline and carriage
 * return; U+FFFE and U+FFFF) and UTF-16 halves without their other half.
 */
const NOT_XML_CHARACTER =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

/**
 * The case-centric log as an XES document (IEEE 1849-2016), for tools that take XES (ProM, pm4py,
 * Disco, Celonis): the concept, time and org extensions; per case a trace whose concept:name is the
 * case id; per event, in log order, its activity as concept:name, its time as time:timestamp (ISO
 * 8601 in UTC with milliseconds, `2024-03-01T08:00:00.000Z`; left out when the event has none) and
 * its resource as org:resource when it has one. Globals declare concept:name for traces and events;
 * the classifier `Activity` is concept:name.
 *
 * Every value is XML-escaped, tabs and line breaks as character references so they survive
 * attribute-value normalisation; characters XML 1.0 cannot carry at all (most control characters,
 * unpaired surrogates) become U+FFFD.
 */
export function writeXes(log: CaseEventLog, options: XesWriteOptions = {}): string {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">',
    ...EXTENSIONS.map(
      ({ name, prefix, uri }) => `  <extension name="${name}" prefix="${prefix}" uri="${uri}"/>`,
    ),
    '  <global scope="trace">',
    '    <string key="concept:name" value="__INVALID__"/>',
    '  </global>',
    '  <global scope="event">',
    '    <string key="concept:name" value="__INVALID__"/>',
    '  </global>',
    '  <classifier name="Activity" keys="concept:name"/>',
  ];
  if (options.logName !== undefined) lines.push(`  ${stringAttribute('concept:name', options.logName)}`);
  log.caseIds.forEach((caseId, c) => {
    lines.push('  <trace>', `    ${stringAttribute('concept:name', caseId)}`);
    for (let e = log.caseStart[c]; e < log.caseStart[c + 1]; e++) {
      lines.push('    <event>', `      ${stringAttribute('concept:name', log.activities[log.activity[e]])}`);
      const time = log.time[e];
      if (!Number.isNaN(time))
        lines.push(`      <date key="time:timestamp" value="${new Date(time).toISOString()}"/>`);
      const resource = log.resource[e];
      if (resource !== -1) lines.push(`      ${stringAttribute('org:resource', log.resources[resource])}`);
      lines.push('    </event>');
    }
    lines.push('  </trace>');
  });
  lines.push('</log>', '');
  return lines.join('\n');
}

function stringAttribute(key: string, value: string): string {
  return `<string key="${escapeXml(key)}" value="${escapeXml(value)}"/>`;
}

/** The text as an XML attribute value (double-quoted). */
function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHARACTER, '\uFFFD').replace(/[&<>"'\t\n\r]/g, (ch) => ESCAPES[ch]);
}
