import { BadRequestException } from '@nestjs/common';

/** An optional ISO 8601 query argument, or a clear error naming it. */
export function instant(name: string, value?: string | null): Date | undefined {
  if (!value) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new BadRequestException(`${name} must be an ISO 8601 instant`);
  return parsed;
}
