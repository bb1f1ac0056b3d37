import { evaluateNoteTriage, noteTriageTable, simulatedNotes } from './note-triage-run';

/** The shipped triage model on the simulator's notes, which were written apart from its corpus. */
describe('text triage of the simulator’s order notes', () => {
  const notes = simulatedNotes({ seed: 11, orders: 3_000, start: '2026-09-01' });

  it('reads notes of both kinds from the labels', () => {
    expect(notes.filter((n) => n.category !== null).length).toBeGreaterThan(200);
    expect(notes.filter((n) => n.category === null).length).toBeGreaterThan(200);
    expect(notes.every((n) => n.text.trim().length > 0)).toBe(true);
  });

  it('sends a note about a category to the right team far more often than to a wrong one', async () => {
    const result = await evaluateNoteTriage(notes);
    const { accuracy, abstained, macroF1 } = result.categorised;
    const wrongTeam = 1 - accuracy - abstained;
    expect(accuracy).toBeGreaterThan(0.5);
    expect(wrongTeam).toBeLessThan(0.1);
    expect(macroF1).toBeGreaterThan(0.6);
    expect(result.neutral.notes).toBeGreaterThan(0);
    expect(noteTriageTable(result)).toMatch(/^notes about a category: [\d,]+; accuracy/);
  }, 60_000);
});
