import type { OcelLog } from './ocel.model';

/**
 * A small order-exception log in the shape the OCEL readers return (complete declarations, every
 * list present, object attributes initial values first in declaration order, then changes), so
 * that it survives every round trip unchanged. It has:
 * - all five attribute types, an order whose status and total change over time, an order whose
 *   initial values are not at the epoch, an object without attributes;
 * - type and attribute names with spaces, quotes, a colon and an ampersand, and type names whose
 *   table names collide (`sales order` / `Sales-Order`) or would be a core table (`object`);
 * - qualified event-to-object relationships (one event naming an order twice with two qualifiers,
 *   an empty qualifier), object-to-object relationships, an event without a time and a declared
 *   event type without events.
 */
export function exceptionLog(): OcelLog {
  return {
    objectTypes: [
      {
        name: 'sales order',
        attributes: [
          { name: 'status', type: 'string' },
          { name: 'total', type: 'float' },
          { name: 'lines', type: 'integer' },
          { name: 'expedite', type: 'boolean' },
          { name: 'promised', type: 'time' },
        ],
      },
      { name: 'Sales-Order', attributes: [] },
      {
        name: 'customer "key" account',
        attributes: [
          { name: 'name', type: 'string' },
          { name: 'credit limit', type: 'integer' },
        ],
      },
      { name: 'object', attributes: [] },
    ],
    eventTypes: [
      {
        name: 'Create order',
        attributes: [
          { name: 'org:resource', type: 'string' },
          { name: 'channel', type: 'string' },
        ],
      },
      {
        name: 'Put on "credit" hold',
        attributes: [
          { name: 'reason', type: 'string' },
          { name: 'amount', type: 'float' },
        ],
      },
      {
        name: 'Release',
        attributes: [
          { name: 'org:resource', type: 'string' },
          { name: 'automatic', type: 'boolean' },
        ],
      },
      { name: 'Cancel', attributes: [] },
    ],
    objects: [
      {
        id: 'so-1',
        type: 'sales order',
        attributes: [
          { name: 'status', time: '1970-01-01T00:00:00Z', value: 'open' },
          { name: 'total', time: '1970-01-01T00:00:00Z', value: 120.5 },
          { name: 'lines', time: '1970-01-01T00:00:00Z', value: 3 },
          { name: 'expedite', time: '1970-01-01T00:00:00Z', value: false },
          { name: 'promised', time: '1970-01-01T00:00:00Z', value: '2024-03-05T00:00:00Z' },
          { name: 'status', time: '2024-03-01T09:00:00Z', value: 'on hold' },
          { name: 'status', time: '2024-03-01T11:00:00Z', value: 'released' },
          { name: 'total', time: '2024-03-01T11:00:00Z', value: 99.75 },
        ],
        relationships: [
          { objectId: 'cu-1', qualifier: 'ordered by' },
          { objectId: 'so-2', qualifier: 'replaced by' },
        ],
      },
      {
        id: 'so-2',
        type: 'sales order',
        attributes: [
          { name: 'status', time: '2024-03-02T08:00:00Z', value: 'open' },
          { name: 'lines', time: '2024-03-02T08:00:00Z', value: 1 },
        ],
        relationships: [{ objectId: 'cu-1', qualifier: 'ordered by' }],
      },
      {
        id: 'SO-3',
        type: 'Sales-Order',
        attributes: [],
        relationships: [{ objectId: 'so-1', qualifier: 'split from' }],
      },
      {
        id: 'cu-1',
        type: 'customer "key" account',
        attributes: [
          { name: 'name', time: '1970-01-01T00:00:00Z', value: 'Bäckerei "Lang" & Söhne' },
          { name: 'credit limit', time: '1970-01-01T00:00:00Z', value: 5000 },
          { name: 'credit limit', time: '2024-03-01T10:30:00Z', value: 7500 },
        ],
        relationships: [],
      },
      { id: 'x-1', type: 'object', attributes: [], relationships: [] },
    ],
    events: [
      {
        id: 'e1',
        type: 'Create order',
        time: '2024-03-01T08:00:00Z',
        attributes: [
          { name: 'org:resource', value: 'Ana' },
          { name: 'channel', value: 'EDI' },
        ],
        relationships: [
          { objectId: 'so-1', qualifier: 'order' },
          { objectId: 'cu-1', qualifier: 'customer' },
        ],
      },
      {
        id: 'e2',
        type: 'Put on "credit" hold',
        time: '2024-03-01T09:00:00Z',
        attributes: [
          { name: 'reason', value: 'limit exceeded' },
          { name: 'amount', value: 120.5 },
        ],
        relationships: [
          { objectId: 'so-1', qualifier: 'held' },
          { objectId: 'cu-1', qualifier: 'checked' },
          { objectId: 'so-1', qualifier: 'blocked' },
        ],
      },
      {
        id: 'e3',
        type: 'Release',
        time: '2024-03-01T11:00:00Z',
        attributes: [
          { name: 'org:resource', value: 'Ben' },
          { name: 'automatic', value: true },
        ],
        relationships: [
          { objectId: 'so-1', qualifier: 'released' },
          { objectId: 'cu-1', qualifier: '' },
        ],
      },
      {
        id: 'e4',
        type: 'Create order',
        time: '2024-03-02T08:00:00Z',
        attributes: [{ name: 'org:resource', value: 'Ana' }],
        relationships: [
          { objectId: 'so-2', qualifier: 'order' },
          { objectId: 'cu-1', qualifier: 'customer' },
          { objectId: 'SO-3', qualifier: 'order' },
          { objectId: 'x-1', qualifier: 'context' },
        ],
      },
      {
        id: 'e5',
        type: 'Release',
        time: '',
        attributes: [],
        relationships: [{ objectId: 'so-2', qualifier: 'released' }],
      },
    ],
  };
}
