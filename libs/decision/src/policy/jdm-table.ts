/**
 * Builds a GoRules JDM document with one decision table between the input and the output node:
 * the shape of every governance table ordex seeds (routing, SLA targets, automation policy,
 * approval authority). Cells are zen-engine unary tests and expressions as people type them in
 * the GoRules editor; an empty cell matches anything.
 */
export interface JdmColumn {
  id: string;
  name: string;
  field: string;
}

export interface JdmTableSpec {
  name: string;
  /** The table node's id ('table' unless a stored version already named it otherwise). */
  nodeId?: string;
  hitPolicy: 'first' | 'collect';
  inputs: JdmColumn[];
  outputs: JdmColumn[];
  /** Each rule: `_id` plus one cell per input and output column id. */
  rules: Record<string, string>[];
}

export function jdmTable(spec: JdmTableSpec): Record<string, unknown> {
  const id = spec.nodeId ?? 'table';
  return {
    nodes: [
      { id: 'request', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      {
        id,
        type: 'decisionTableNode',
        name: spec.name,
        position: { x: 300, y: 0 },
        content: { hitPolicy: spec.hitPolicy, inputs: spec.inputs, outputs: spec.outputs, rules: spec.rules },
      },
      { id: 'result', type: 'outputNode', name: 'result', position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: `request-${id}`, sourceId: 'request', targetId: id, type: 'edge' },
      { id: `${id}-result`, sourceId: id, targetId: 'result', type: 'edge' },
    ],
  };
}

/** A zen-engine string literal cell. */
export const text = (value: string): string => JSON.stringify(value);
