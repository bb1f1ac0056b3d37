import type { CarrierChanged, CarrierLane } from '@ordex/contracts';
import { isTimeZone, minuteOfDay } from '../../calendar/domain/local-time.util';

/** Why a carrier event cannot be applied (it is dead-lettered with this reason); null when it can. */
export function carrierChangedProblem(event: CarrierChanged): string | null {
  const code = event.carrier.code;
  const depots = new Set<string>();
  for (const depot of event.depots) {
    if (depots.has(depot.dcCode)) return `carrier ${code}: depot ${depot.dcCode} listed twice`;
    depots.add(depot.dcCode);
    if (!Number.isFinite(depot.dailyCapacityKg) || depot.dailyCapacityKg < 0)
      return `carrier ${code}: depot ${depot.dcCode} daily capacity must be 0 or more`;
    if (minuteOfDay(depot.cutoffLocalTime) === null)
      return `carrier ${code}: depot ${depot.dcCode} cut-off "${depot.cutoffLocalTime}" is not HH:MM`;
    if (!isTimeZone(depot.timeZone))
      return `carrier ${code}: depot ${depot.dcCode} time zone "${depot.timeZone}" is not an IANA zone`;
  }
  const lanes = new Set<string>();
  for (const lane of event.lanes) {
    const id = laneId(code, lane);
    if (lanes.has(id)) return `carrier ${code}: lane ${lane.dcCode} → ${lane.region} listed twice`;
    lanes.add(id);
    if (lane.transitDays < 0) return `carrier ${code}: lane ${id} transit days must be 0 or more`;
    if (!Number.isFinite(lane.costPerKg) || lane.costPerKg < 0)
      return `carrier ${code}: lane ${id} cost per kg must be 0 or more`;
    if (!Number.isFinite(lane.minimumCharge) || lane.minimumCharge < 0)
      return `carrier ${code}: lane ${id} minimum charge must be 0 or more`;
  }
  return null;
}

/** A lane's id: one lane per carrier, DC and region. */
export function laneId(carrierCode: string, lane: Pick<CarrierLane, 'dcCode' | 'region'>): string {
  return `${carrierCode}:${lane.dcCode}:${lane.region}`;
}
