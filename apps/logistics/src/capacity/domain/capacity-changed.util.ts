import type { CarrierCapacity } from '@ordex/contracts';

/** Why a capacity event cannot be applied (it is dead-lettered with this reason); null when it can. */
export function capacityChangedProblem(capacity: CarrierCapacity): string | null {
  const slot = `${capacity.carrierCode} at ${capacity.dcCode} on ${capacity.shipDate}`;
  if (!Number.isFinite(capacity.capacityKg) || capacity.capacityKg < 0)
    return `${slot}: capacity must be 0 kg or more`;
  if (!Number.isFinite(capacity.bookedKg) || capacity.bookedKg < 0)
    return `${slot}: booked must be 0 kg or more`;
  return null;
}
