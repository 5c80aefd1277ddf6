export const TEMPORAL_CLI_VERSION: string;
export const TOOLS_BIN: string;
export function temporalCliPath(): string;
export function ensureTemporalCli(): string;
