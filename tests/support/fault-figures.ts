export interface FaultFigures {
  casesInFlight: number;
  faultsInjected: number;
  casesLost: number;
  duplicateEmails: number;
}

/** One line per failure test in the output, so the figures show in every CI log. */
export function reportFaults(test: string, f: FaultFigures): void {
  console.log(
    `[fault figures] ${test}: cases in flight ${f.casesInFlight} · faults injected ${f.faultsInjected} · cases lost ${f.casesLost} · duplicate emails ${f.duplicateEmails}`,
  );
}

/** Mails whose Message-ID arrived more than once. */
export const duplicateCount = (messages: Array<{ messageId: string }>): number => messages.length - new Set(messages.map((m) => m.messageId)).size;
