import { inboundProblem, isOpen } from './inbound-purchase-order.util';

describe('inbound purchase order lines', () => {
  const po = (quantity: number) => ({
    id: 'PO-1',
    sku: 'SKU-1',
    dcCode: 'DC-1',
    quantity,
    eta: '2026-12-10',
  });

  it('are open while a quantity is still expected, closed at 0', () => {
    expect(isOpen(po(1))).toBe(true);
    expect(isOpen(po(0))).toBe(false);
  });

  it('accept a closing (0) or open quantity and refuse a negative one', () => {
    expect(inboundProblem(po(0))).toBeNull();
    expect(inboundProblem(po(250))).toBeNull();
    expect(inboundProblem(po(-5))).toBe('purchase order PO-1 has a negative quantity (-5)');
  });
});
