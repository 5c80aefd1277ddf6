// The single entry the worker bundles.
export { petitionWorkflow } from './petition.workflow';
export { dialogueSessionWorkflow } from './dialogue-session.workflow';
export { overdueDigestWorkflow } from './overdue-digest.workflow';
export { recommendationWorkflow } from './recommendation.workflow';
