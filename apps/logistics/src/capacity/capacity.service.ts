import type { CarrierCapacity } from '@ordex/contracts';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { CapacitySlotDay } from '../shipment-options/domain/shipment-options.util';
import { CapacitySlotEntity } from './capacity-slot.entity';
import { dayCapacity, DayCapacity } from './domain/day-capacity.util';

/** A date range "YYYY-MM-DD|YYYY-MM-DD" (both ends included), the key slots are loaded by. */
export type DateRangeKey = `${string}|${string}`;

export interface CarrierDayCapacity extends DayCapacity {
  carrierCode: string;
  dcCode: string;
  shipDate: string;
}

interface DayRow {
  carrier_code: string;
  daily_capacity_kg: string | null;
  capacity_kg: string | null;
  booked_kg: string | null;
}

interface SlotRow {
  carrier_code: string;
  dc_code: string;
  ship_date: string;
  capacity_kg: string;
  booked_kg: string;
}

@Injectable()
export class CapacityService {
  constructor(@InjectRepository(CapacitySlotEntity) private readonly slots: Repository<CapacitySlotEntity>) {}

  /**
   * Every carrier with a depot at the DC and what it takes on the date: its slot when a capacity
   * event set one, else the depot's standard (daily capacity on working days, none at weekends).
   * A slot reported for a carrier without a depot there is answered as reported.
   */
  async capacityAt(dcCode: string, shipDate: string): Promise<CarrierDayCapacity[]> {
    const rows: DayRow[] = await this.slots.query(
      `SELECT COALESCE(d.carrier_code, s.carrier_code) AS carrier_code, d.daily_capacity_kg, s.capacity_kg, s.booked_kg
         FROM (SELECT * FROM "logistics"."carrier_depot" WHERE dc_code = $1) d
         FULL JOIN (SELECT * FROM "logistics"."capacity_slot" WHERE dc_code = $1 AND ship_date = $2::date) s
           ON s.carrier_code = d.carrier_code
        ORDER BY 1`,
      [dcCode, shipDate],
    );
    return rows.map((r) => ({
      carrierCode: r.carrier_code,
      dcCode,
      shipDate,
      ...dayCapacity(
        shipDate,
        Number(r.daily_capacity_kg ?? 0),
        r.capacity_kg === null ? null : { capacityKg: Number(r.capacity_kg), bookedKg: Number(r.booked_kg) },
      ),
    }));
  }

  /** The slots (set by capacity events) within each date range, all ranges in one query. */
  async slotsInRanges(ranges: readonly DateRangeKey[]): Promise<CapacitySlotDay[][]> {
    const bounds = ranges.map((range) => range.split('|'));
    const firsts = bounds.map(([from]) => from);
    const lasts = bounds.map(([, to]) => to);
    const rows: SlotRow[] = await this.slots.query(
      `SELECT s.carrier_code, s.dc_code, to_char(s.ship_date, 'YYYY-MM-DD') AS ship_date, s.capacity_kg, s.booked_kg
         FROM "logistics"."capacity_slot" s
        WHERE s.ship_date BETWEEN $3::date AND $4::date
          AND EXISTS (SELECT 1 FROM unnest($1::date[], $2::date[]) AS r(first_day, last_day)
                       WHERE s.ship_date BETWEEN r.first_day AND r.last_day)`,
      [firsts, lasts, firsts.reduce((a, b) => (a < b ? a : b)), lasts.reduce((a, b) => (a > b ? a : b))],
    );
    const slots: CapacitySlotDay[] = rows.map((r) => ({
      carrierCode: r.carrier_code,
      dcCode: r.dc_code,
      shipDate: r.ship_date,
      capacityKg: Number(r.capacity_kg),
      bookedKg: Number(r.booked_kg),
    }));
    // YYYY-MM-DD compares as text in calendar order.
    return bounds.map(([from, to]) => slots.filter((s) => s.shipDate >= from && s.shipDate <= to));
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
