import { Product, UnitOfMeasure } from '@ordex/contracts';
import { productDimensionProblem } from './product-dimension.util';

const product: Product = {
  sku: 'PUMP-1',
  name: 'Pump',
  family: 'PUMPS',
  unitOfMeasure: UnitOfMeasure.EA,
  weightKg: 12.5,
  volumeM3: 0.04,
  unitCost: 80,
  listPrice: 120,
  substitutes: [],
};

describe('productDimensionProblem', () => {
  it('accepts a weight and volume of zero or more, or no volume', () => {
    expect(productDimensionProblem(product)).toBeNull();
    expect(productDimensionProblem({ ...product, weightKg: 0, volumeM3: null })).toBeNull();
  });

  it('refuses a negative weight or volume', () => {
    expect(productDimensionProblem({ ...product, weightKg: -1 })).toBe(
      'product PUMP-1: weight must be 0 kg or more',
    );
    expect(productDimensionProblem({ ...product, volumeM3: -0.1 })).toBe(
      'product PUMP-1: volume must be 0 m³ or more',
    );
  });
});
