import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CarrierChanged, Region } from '@ordex/contracts';
import { byKeys, groupByKeys } from '@ordex/platform';
import { In, Repository, EntityManager } from 'typeorm';
import type { NetworkLeg } from '../shipment-options/domain/shipment-options.util';
import { CarrierDepotEntity } from './carrier-depot.entity';
import { CarrierEntity } from './carrier.entity';
import { laneId } from './domain/carrier-changed.util';
import { LaneEntity } from './lane.entity';

interface NetworkRow {
  carrier_code: string;
  dc_code: string;
  region: Region;
  transit_days: number;
  cost_per_kg: string;
  minimum_charge: string;
  daily_capacity_kg: string;
  cutoff_local_time: string;
  time_zone: string;
}

@Injectable()
export class CarriersService {
  constructor(
    @InjectRepository(CarrierEntity) private readonly carriers: Repository<CarrierEntity>,
    @InjectRepository(LaneEntity) private readonly lanes: Repository<LaneEntity>,
    @InjectRepository(CarrierDepotEntity) private readonly depots: Repository<CarrierDepotEntity>,
  ) {}

  async byCodes(codes: readonly string[]): Promise<(CarrierEntity | null)[]> {
    const rows = await this.carriers.findBy({ code: In([...codes]) });
    return byKeys(codes, rows, (c) => c.code, null);
  }

  async lanesByCarrierCodes(codes: readonly string[]): Promise<LaneEntity[][]> {
    const rows = await this.lanes.find({ where: { carrierCode: In([...codes]) }, order: { id: 'ASC' } });
    return groupByKeys(codes, rows, (l) => l.carrierCode);
  }

  async depotsByCarrierCodes(codes: readonly string[]): Promise<CarrierDepotEntity[][]> {
    const rows = await this.depots.find({ where: { carrierCode: In([...codes]) }, order: { dcCode: 'ASC' } });
    return groupByKeys(codes, rows, (d) => d.carrierCode);
  }

  /** Per region: every lane into it whose carrier has a depot at the lane's DC, with that depot. */
  async networkByRegions(regions: readonly Region[]): Promise<NetworkLeg[][]> {
    const rows: NetworkRow[] = await this.lanes.query(
      `SELECT l.carrier_code, l.dc_code, l.region, l.transit_days, l.cost_per_kg, l.minimum_charge,
              d.daily_capacity_kg, d.cutoff_local_time, d.time_zone
         FROM "logistics"."lane" l
         JOIN "logistics"."carrier_depot" d ON d.carrier_code = l.carrier_code AND d.dc_code = l.dc_code
        WHERE l.region = ANY($1::text[])`,
      [[...regions]],
    );
    const legs = rows.map((r): NetworkLeg => ({
      carrierCode: r.carrier_code,
      dcCode: r.dc_code,
      region: r.region,
      transitDays: r.transit_days,
      costPerKg: Number(r.cost_per_kg),
      minimumCharge: Number(r.minimum_charge),
      dailyCapacityKg: Number(r.daily_capacity_kg),
      cutoffLocalTime: r.cutoff_local_time,
      timeZone: r.time_zone,
    }));
    return groupByKeys(regions, legs, (leg) => leg.region);
  }

  list(): Promise<CarrierEntity[]> {
    return this.carriers.find({ order: { code: 'ASC' } });
  }

  /**
   * Applies a carrier master record from the ERP: the carrier's depots and lanes are replaced by
   * the event's (an upcast v1 event carries none, so it clears them). Validated by the caller.
   */
  async applyCarrierChanged(change: CarrierChanged, tx: EntityManager): Promise<void> {
    const code = change.carrier.code;
    await tx.upsert(CarrierEntity, { code, name: change.carrier.name }, ['code']);
    await tx.delete(CarrierDepotEntity, { carrierCode: code });
    await tx.delete(LaneEntity, { carrierCode: code });
    if (change.depots.length > 0) {
      await tx.insert(
        CarrierDepotEntity,
        change.depots.map((d) => ({
          carrierCode: code,
          dcCode: d.dcCode,
          dailyCapacityKg: d.dailyCapacityKg,
          cutoffLocalTime: d.cutoffLocalTime,
          timeZone: d.timeZone,
        })),
      );
    }
    if (change.lanes.length > 0) {
      await tx.insert(
        LaneEntity,
        change.lanes.map((l) => ({
          id: laneId(code, l),
          carrierCode: code,
          dcCode: l.dcCode,
          region: l.region,
          transitDays: l.transitDays,
          costPerKg: l.costPerKg,
          minimumCharge: l.minimumCharge,
        })),
      );
    }
  }
}
