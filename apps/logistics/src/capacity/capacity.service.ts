import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CapacitySlotEntity } from './capacity-slot.entity';

@Injectable()
export class CapacityService {
  constructor(@InjectRepository(CapacitySlotEntity) private readonly slots: Repository<CapacitySlotEntity>) {}

  /** Every carrier's slot from a DC on a ship date, in carrier order. */
  slotsFor(dcCode: string, shipDate: string): Promise<CapacitySlotEntity[]> {
    return this.slots.find({ where: { dcCode, shipDate }, order: { carrierCode: 'ASC' } });
  }
}
