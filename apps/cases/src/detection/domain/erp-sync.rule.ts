import { ExceptionCategory } from '@ordex/contracts';
import type { ErpCommandContext } from '../order-context';
import type { DetectedException, DetectionSettings } from './detect-exceptions.util';
import { compareText } from './compare-text.util';

/** The ERP_SYNC verdict and when it next needs re-evaluating. */
export interface ErpSyncVerdict {
  exception: DetectedException | null;
  /** The earliest instant a still-pending command reaches its timeout; null when none will. */
  recheckAt: Date | null;
}

const MINUTE_MS = 60_000;

/**
 * The order's ERP_SYNC exception: commands the ERP has left unacknowledged for the timeout or
 * longer, naming the oldest. A command is overdue from exactly requestedAt + timeout.
 */
export function erpSyncVerdict(commands: ErpCommandContext[], settings: DetectionSettings): ErpSyncVerdict {
  const asOf = settings.asOf.getTime();
  const pending = commands
    .filter((command) => command.status === 'PENDING')
    .map((command) => ({ command, requestedAt: Date.parse(command.requestedAt) }))
    .filter(({ requestedAt }) => Number.isFinite(requestedAt));
  const dueAts = pending.map(({ requestedAt }) => requestedAt + settings.acknowledgementTimeoutMs);
  const future = dueAts.filter((dueAt) => dueAt > asOf);
  const recheckAt = future.length > 0 ? new Date(Math.min(...future)) : null;

  const overdue = pending
    .filter((_, index) => dueAts[index] <= asOf)
    .sort((a, b) => a.requestedAt - b.requestedAt || compareText(a.command.commandId, b.command.commandId));
  if (overdue.length === 0) return { exception: null, recheckAt };

  const oldest = overdue[0];
  const minutesWaiting = Math.floor((asOf - oldest.requestedAt) / MINUTE_MS);
  const count = overdue.length === 1 ? '1 command' : `${overdue.length} commands`;
  return {
    exception: {
      category: ExceptionCategory.ERP_SYNC,
      lineNo: null,
      reason:
        `the ERP has not acknowledged ${oldest.command.commandType} ${oldest.command.commandId} ` +
        `after ${minutesWaiting} min (${count} overdue)`,
      facts: {
        oldestCommandId: oldest.command.commandId,
        oldestCommandType: oldest.command.commandType,
        oldestRequestedAt: oldest.command.requestedAt,
        minutesWaiting,
        overdueCount: overdue.length,
        overdueCommandIds: overdue.map(({ command }) => command.commandId),
        acknowledgementTimeoutMs: settings.acknowledgementTimeoutMs,
      },
    },
    recheckAt,
  };
}
