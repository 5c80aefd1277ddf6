import type { CaseType } from './case-types';
import type { Complexity, Deadline } from './legal-clock';

export const CASE_STATUSES = ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO', 'ANSWERED', 'CLOSED'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_OUTCOMES = ['RESOLVED', 'GUIDED', 'REFUSED', 'WITHDRAWN', 'MERGED', 'APPEALED'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export type CaseAction =
  | 'assign' // reception routes by hand
  | 'reassign' // the head moves it to another agency
  | 'accept' // thụ lý
  | 'return' // outside the agency's competence: back to reception
  | 'transfer' // chuyển đơn to the competent agency
  | 'guide' // hướng dẫn the citizen to the right body
  | 'refuse' // không thụ lý, with reasons
  | 'requestInfo'
  | 'provideInfo'
  | 'requestExtension'
  | 'decideExtension'
  | 'reclassify'
  | 'answer'
  | 'rate'
  | 'appeal'
  | 'withdraw'
  | 'merge';

const OPEN: CaseStatus[] = ['RECEIVED', 'UNROUTED', 'ASSIGNED', 'ACCEPTED', 'AWAITING_INFO'];
const IN_PROGRESS: CaseStatus[] = ['ACCEPTED', 'AWAITING_INFO'];

/** Which status each action needs. */
const ALLOWED: Record<CaseAction, readonly CaseStatus[]> = {
  assign: ['UNROUTED'],
  reassign: ['ASSIGNED', ...IN_PROGRESS],
  accept: ['ASSIGNED'],
  return: ['ASSIGNED'],
  transfer: ['ASSIGNED'],
  guide: ['ASSIGNED'],
  refuse: ['ASSIGNED'],
  requestInfo: ['ACCEPTED'],
  provideInfo: ['AWAITING_INFO'],
  requestExtension: IN_PROGRESS,
  decideExtension: IN_PROGRESS,
  reclassify: IN_PROGRESS,
  answer: ['ACCEPTED'],
  rate: ['ANSWERED'],
  appeal: ['ANSWERED'],
  withdraw: [...OPEN, 'ANSWERED'],
  merge: OPEN,
};

const WITHDRAWABLE: CaseType[] = ['COMPLAINT_FIRST', 'COMPLAINT_SECOND', 'DENUNCIATION'];

/** Everything the rules and the outside world need to know about a case in flight. */
export interface CaseFile {
  caseId: string;
  type: CaseType;
  receivedAt: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  agencyId: string | null;
  unitCode: string;
  complexity: Complexity;
  remoteArea: boolean;
  transfers: number;
  extensionsUsed: number;
  /** How many extensions each complexity allows under the case's policy version. */
  extensionMax: Record<Complexity, number>;
  extensionPending: { requestedBy: string; reason: string } | null;
  rated: boolean;
  firstStep: Deadline | null;
  resolution: Deadline | null;
  /** When the citizen's window to rate the answer ends. */
  ratingDueAt: string | null;
  overdue: boolean;
  /** Ladder steps already taken, keyed by deadline step, kind and due date (an extension re-arms the ladder). */
  escalations: string[];
  sessionId: string | null;
  linkedCaseId: string | null;
}

export class InvalidTransition extends Error {
  constructor(
    readonly action: CaseAction,
    readonly status: CaseStatus,
    reason?: string,
  ) {
    super(reason ?? `Không thể thực hiện "${action}" khi hồ sơ đang ở trạng thái ${status} / action "${action}" is not allowed in status ${status}`);
    this.name = 'InvalidTransition';
  }
}

/** Of `actions`, those the status permits now (rules beyond status are checked when one is taken). */
export function actionsOpenIn(status: CaseStatus, actions: readonly CaseAction[]): CaseAction[] {
  return actions.filter((a) => ALLOWED[a].includes(status));
}

/** Throws with the reason when `action` is not allowed now; rules beyond status are checked here too. */
export function assertAllowed(file: Pick<CaseFile, 'status'> & Partial<CaseFile>, action: CaseAction): void {
  if (!ALLOWED[action].includes(file.status)) throw new InvalidTransition(action, file.status);
  const reason = extraRule(file, action);
  if (reason) throw new InvalidTransition(action, file.status, reason);
}

function extraRule(f: Partial<CaseFile>, action: CaseAction): string | null {
  switch (action) {
    case 'transfer':
      return f.type === 'DENUNCIATION' && (f.transfers ?? 0) >= 1
        ? 'Đơn tố cáo chỉ được chuyển một lần / a denunciation may be transferred only once'
        : null;
    case 'requestExtension': {
      if (f.extensionPending) return 'Đã có yêu cầu gia hạn đang chờ quyết định / an extension request is already pending';
      const max = f.extensionMax && f.complexity ? f.extensionMax[f.complexity] : 0;
      if (max === 0) return 'Loại hồ sơ và mức độ phức tạp này không được gia hạn / no extension for this case type and complexity';
      return (f.extensionsUsed ?? 0) >= max ? `Đã dùng hết ${max} lần gia hạn / all ${max} extensions used` : null;
    }
    case 'decideExtension':
      return f.extensionPending ? null : 'Không có yêu cầu gia hạn nào đang chờ / no extension request is pending';
    case 'rate':
      return f.rated ? 'Công dân đã đánh giá câu trả lời / the answer has already been rated' : null;
    case 'appeal':
      return f.type === 'COMPLAINT_FIRST' ? null : 'Chỉ khiếu nại lần đầu mới được khiếu nại lần hai / only a first complaint can be appealed';
    case 'withdraw':
      return f.type && WITHDRAWABLE.includes(f.type) ? null : 'Chỉ khiếu nại, tố cáo mới được rút / only complaints and denunciations can be withdrawn';
    default:
      return null;
  }
}

/** The deadline the case is running against now, if any. */
export function currentDeadline(file: CaseFile): Deadline | null {
  if (file.status === 'UNROUTED' || file.status === 'ASSIGNED') return file.firstStep;
  if (file.status === 'ACCEPTED' || file.status === 'AWAITING_INFO') return file.resolution;
  return null;
}
