import { evaluateTriage } from './triage-evaluation';

describe('evaluateTriage', () => {
  it('scores per category, a null answer costing recall only', () => {
    const examples = [
      { text: 'a', category: 'CREDIT_HOLD' },
      { text: 'b', category: 'CREDIT_HOLD' },
      { text: 'c', category: 'CREDIT_HOLD' },
      { text: 'd', category: 'STOCK_SHORTAGE' },
      { text: 'e', category: 'STOCK_SHORTAGE' },
    ];
    const answers = ['CREDIT_HOLD', 'CREDIT_HOLD', null, 'CREDIT_HOLD', 'STOCK_SHORTAGE'];
    expect(evaluateTriage(examples, answers, ['CREDIT_HOLD', 'STOCK_SHORTAGE', 'ERP_SYNC'])).toEqual({
      examples: 5,
      accuracy: 3 / 5,
      abstained: 1 / 5,
      macroF1: (2 / 3 + 2 / 3 + 0) / 3,
      perClass: {
        CREDIT_HOLD: { precision: 2 / 3, recall: 2 / 3, f1: 2 / 3, support: 3 },
        STOCK_SHORTAGE: { precision: 1, recall: 1 / 2, f1: 2 / 3, support: 2 },
        ERP_SYNC: { precision: 0, recall: 0, f1: 0, support: 0 },
      },
    });
  });

  it('needs one answer per example', () => {
    expect(() => evaluateTriage([{ text: 'a', category: 'ERP_SYNC' }], [], ['ERP_SYNC'])).toThrow(
      '0 answers for 1 examples',
    );
  });
});
