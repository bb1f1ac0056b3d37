import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns NUMERIC as a string to keep precision; amounts here fit a double. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
