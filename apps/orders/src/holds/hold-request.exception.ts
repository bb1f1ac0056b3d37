/** The typed refusals of a hold request; the resolver maps each to its client error code. */
export type HoldRequestRefusalCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'ORDER_CLOSED' | 'HOLD_ALREADY_OPEN' | 'HOLD_NOT_ACTIVE';

export class HoldRequestRefusedException extends Error {
  constructor(
    readonly code: HoldRequestRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'HoldRequestRefusedException';
  }
}
