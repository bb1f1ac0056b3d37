import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Carrier } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import { CarrierEntity } from './carrier.entity';
import { LaneEntity } from './lane.entity';

@Injectable()
export class CarriersService {
  constructor(
    @InjectRepository(CarrierEntity) private readonly carriers: Repository<CarrierEntity>,
    @InjectRepository(LaneEntity) private readonly lanes: Repository<LaneEntity>,
  ) {}

  async byCodes(codes: readonly string[]): Promise<(CarrierEntity | null)[]> {
    const rows = await this.carriers.findBy({ code: In([...codes]) });
    return byKeys(codes, rows, (c) => c.code, null);
  }

  async lanesByCarrierCodes(codes: readonly string[]): Promise<LaneEntity[][]> {
    const rows = await this.lanes.find({ where: { carrierCode: In([...codes]) }, order: { id: 'ASC' } });
    return groupByKeys(codes, rows, (l) => l.carrierCode);
  }

  list(): Promise<CarrierEntity[]> {
    return this.carriers.find({ order: { code: 'ASC' } });
  }

  /** Applies a carrier master record from the ERP (the ERP's record replaces ours). */
  async applyCarrierChanged(carrier: Carrier, tx: EntityManager): Promise<void> {
    await tx.upsert(CarrierEntity, { code: carrier.code, name: carrier.name }, ['code']);
  }
}
