/** A case's workflow id derives from its case id, so a retried submission never starts a second one. */
export const caseWorkflowId = (caseId: string): string => `case-${caseId}`;
export const sessionWorkflowId = (sessionId: string): string => `session-${sessionId}`;
export const recommendationWorkflowId = (id: string): string => `recommendation-${id}`;
