import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { clientError } from '@ordex/platform';
import { isCalendarDate } from '../calendar/domain/calendar.util';
import { toCapacitySlotObject } from './capacity-slot.mapper';
import { CapacitySlotObject } from './capacity-slot.object';
import { CapacityService } from './capacity.service';

@Resolver(() => CapacitySlotObject)
export class CapacityResolver {
  constructor(private readonly capacityService: CapacityService) {}

  @Query(() => [CapacitySlotObject], {
    description:
      'What every carrier with a depot at the DC (or a capacity event there) takes on a ship date: ' +
      "the capacity event's figures, else the depot's standard.",
  })
  async capacity(
    @Args('dcCode', { type: () => ID }) dcCode: string,
    @Args('shipDate', { description: 'YYYY-MM-DD.' }) shipDate: string,
  ) {
    if (!isCalendarDate(shipDate)) throw clientError('BAD_USER_INPUT', 'shipDate must be a date YYYY-MM-DD');
    const days = await this.capacityService.capacityAt(dcCode, shipDate);
    return days.map(toCapacitySlotObject);
  }
}
