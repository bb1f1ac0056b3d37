import { attributeTypeNamed, completeDeclarations, inferAttributeType } from './ocel.model';
import { exceptionLog } from './ocel.test-support';

describe('completeDeclarations', () => {
  it('returns the declarations of a complete log unchanged', () => {
    const log = exceptionLog();

    expect(completeDeclarations(log)).toEqual({ objectTypes: log.objectTypes, eventTypes: log.eventTypes });
  });

  it('adds used types and attributes after the declared ones; the first declaration of a name holds', () => {
    const declarations = completeDeclarations({
      objectTypes: [
        { name: 'order', attributes: [{ name: 'status', type: 'string' }] },
        {
          name: 'order',
          attributes: [
            { name: 'status', type: 'integer' },
            { name: 'due', type: 'time' },
          ],
        },
      ],
      eventTypes: [{ name: 'Cancel', attributes: [] }],
      objects: [
        {
          id: 'o1',
          type: 'order',
          attributes: [
            { name: 'lines', time: '1970-01-01T00:00:00Z', value: 2 },
            { name: 'status', time: '1970-01-01T00:00:00Z', value: 7 },
          ],
        },
        {
          id: 'c1',
          type: 'customer',
          attributes: [{ name: 'vip', time: '1970-01-01T00:00:00Z', value: false }],
        },
      ],
      events: [
        { id: 'e1', type: 'Receive', time: '', attributes: [{ name: 'note', value: 'x' }] },
        { id: 'e2', type: 'Cancel', time: '', attributes: [{ name: 'code', value: 3 }] },
      ],
    });

    expect(declarations).toEqual({
      objectTypes: [
        {
          name: 'order',
          attributes: [
            { name: 'status', type: 'string' },
            { name: 'due', type: 'time' },
            { name: 'lines', type: 'integer' },
          ],
        },
        { name: 'customer', attributes: [{ name: 'vip', type: 'boolean' }] },
      ],
      eventTypes: [
        { name: 'Cancel', attributes: [{ name: 'code', type: 'integer' }] },
        { name: 'Receive', attributes: [{ name: 'note', type: 'string' }] },
      ],
    });
  });
});

describe('inferAttributeType', () => {
  it('types values by what they all are, widening whole numbers to float and mixtures to string', () => {
    expect(inferAttributeType([1, 2])).toBe('integer');
    expect(inferAttributeType([1, 2.5])).toBe('float');
    expect(inferAttributeType([2.5, 1])).toBe('float');
    expect(inferAttributeType([true, false])).toBe('boolean');
    expect(inferAttributeType(['a'])).toBe('string');
    expect(inferAttributeType([1, 'a'])).toBe('string');
    expect(inferAttributeType([true, 1])).toBe('string');
    expect(inferAttributeType([])).toBe('string');
  });
});

describe('attributeTypeNamed', () => {
  it('reads the standard names and common synonyms, anything else as string', () => {
    expect(['string', 'integer', 'float', 'boolean', 'time'].map(attributeTypeNamed)).toEqual([
      'string',
      'integer',
      'float',
      'boolean',
      'time',
    ]);
    expect(
      ['INT', 'Double', 'real', 'bool', 'date', 'DateTime', ' timestamp ', 'text'].map(attributeTypeNamed),
    ).toEqual(['integer', 'float', 'float', 'boolean', 'time', 'time', 'time', 'string']);
    expect(attributeTypeNamed('list')).toBe('string');
  });
});
