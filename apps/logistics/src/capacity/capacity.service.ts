import type { CarrierCapacity } from '@ordex/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { CapacitySlotEntity } from './capacity-slot.entity';

@Injectable()
export class CapacityService {
  constructor(@InjectRepository(CapacitySlotEntity) private readonly slots: Repository<CapacitySlotEntity>) {}

  /** Every carrier's slot from a DC on a ship date, in carrier order. */
  slotsFor(dcCode: string, shipDate: string): Promise<CapacitySlotEntity[]> {
    return this.slots.find({ where: { dcCode, shipDate }, order: { carrierCode: 'ASC' } });
  }

  /** Applies a carrier's capacity from a DC on a date as the TMS/ERP reports it. */
  async applyCapacityChanged(capacity: CarrierCapacity, tx: EntityManager): Promise<void> {
    await tx.upsert(
      CapacitySlotEntity,
      {
        carrierCode: capacity.carrierCode,
        dcCode: capacity.dcCode,
        shipDate: capacity.shipDate,
        capacityKg: capacity.capacityKg,
        bookedKg: capacity.bookedKg,
      },
      ['carrierCode', 'dcCode', 'shipDate'],
    );
  }
}
