import { BadRequestException } from '@nestjs/common';
import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { toCapacitySlotObject } from './capacity-slot.mapper';
import { CapacitySlotObject } from './capacity-slot.object';
import { CapacityService } from './capacity.service';

@Resolver(() => CapacitySlotObject)
export class CapacityResolver {
  constructor(private readonly capacityService: CapacityService) {}

  @Query(() => [CapacitySlotObject], { description: "Every carrier's capacity from a DC on a ship date." })
  async capacity(
    @Args('dcCode', { type: () => ID }) dcCode: string,
    @Args('shipDate', { description: 'YYYY-MM-DD.' }) shipDate: string,
  ) {
    if (!isCalendarDate(shipDate)) throw new BadRequestException('shipDate must be a date YYYY-MM-DD');
    const rows = await this.capacityService.slotsFor(dcCode, shipDate);
    return rows.map(toCapacitySlotObject);
  }
}

/** True for a real calendar day: 2026-02-30 matches the pattern but would make PostgreSQL fail. */
function isCalendarDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return (
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(parsed.getTime()) &&
    parsed.toISOString().startsWith(value)
  );
}
