import { statSync } from 'node:fs';
import { join } from 'node:path';
import { loadShippedTriage } from './shipped-triage';
import { TRIAGE_CATEGORIES, TRIAGE_CLASSES } from './triage';

/** Notes written for this test, not by the corpus generator: one or more per category. */
const NOTES: [string, string][] = [
  ['cust over limit, hold until payment received', 'CREDIT_HOLD'],
  ['open invoices 60 days overdue – finance blocked the order', 'CREDIT_HOLD'],
  ['pls ship from Hamburg, Munich out of stock', 'STOCK_SHORTAGE'],
  ['Ware nur in Lager Nord verfügbar, bitte umlagern', 'STOCK_SHORTAGE'],
  ["price on line 2 doesn't match agreement", 'PRICE_MISMATCH'],
  ['stock ok, but price wrong on pos 3', 'PRICE_MISMATCH'],
  ['Spedition hat keine Kapazität am Freitag, truck full - move to Monday?', 'SHIPMENT_CONSTRAINT'],
  ['missed the 15:00 cutoff, goes out tomorrow earliest', 'SHIPMENT_CONSTRAINT'],
  ['customer insists on complete delivery, no partials allowed, do not split', 'ROUTING_RULE'],
  ['delivery only allowed Tue-Thu 8-12, requested slot outside window', 'ROUTING_RULE'],
  ['article 88812 not found in item master, pls create', 'MASTER_DATA'],
  ['ship-to address missing on the order', 'MASTER_DATA'],
  ['order change not showing in SAP yet, still old version in ordex', 'ERP_SYNC'],
  ["ERP hasn't confirmed the release for 2 hours, ack missing", 'ERP_SYNC'],
];

describe('the shipped text-triage model', () => {
  const triage = loadShippedTriage();

  it.each(NOTES)('reads "%s" as %s', async (note, category) => {
    const result = await triage.classify(note);
    expect(result.category).toBe(category);
    expect(result.confidence).toBeGreaterThanOrEqual(0.5);
    expect(result.source).toBe('model');
    expect(result.modelVersion).toBe(triage.artifact.version);
  });

  it.each([
    'thanks, see you tomorrow',
    'call me when you are back',
    'ok',
    '',
    'driver to report at the gatehouse, hall 4',
    'our project no. 2291 - Kiel harbour extension',
  ])('leaves "%s" to a person: it is about none of the categories', async (note) => {
    const result = await triage.classify(note);
    expect(result.category).toBeNull();
    expect(result.confidence).toBeLessThan(0.5);
    expect(Object.keys(result.scores)).toEqual(TRIAGE_CATEGORIES);
  });

  it('is small, versioned by its data, and carries its held-out scores', () => {
    const { artifact } = triage;
    expect(statSync(join(__dirname, 'triage-model.json')).size).toBeLessThan(1024 * 1024);
    expect(artifact.version).toBe(`text-triage-${artifact.dataFingerprint.slice(0, 12)}`);
    expect(artifact.classes).toEqual(TRIAGE_CLASSES);
    expect(artifact.training.accuracy).toBeGreaterThan(0.99);
    expect(artifact.heldOut?.macroF1).toBeGreaterThan(0.85);
    expect(Object.keys(artifact.heldOut?.perClass ?? {})).toEqual(TRIAGE_CATEGORIES);
    expect(artifact.heldOutNeutral?.notes).toBeGreaterThan(100);
    expect(artifact.heldOutNeutral?.leftAlone).toBeGreaterThan(0.9);
  });

  it('takes a threshold of its own', async () => {
    const note = 'cust over limit, hold until payment received';
    const strict = await loadShippedTriage({ threshold: 1 }).classify(note);
    const usual = await triage.classify(note);
    expect(usual.category).toBe('CREDIT_HOLD');
    expect(strict).toEqual({ ...usual, category: null });
  });
});
