import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/** Typed search attributes for listing cases in Temporal; registered on the server at start. */
export const CaseStatusKey = defineSearchAttributeKey('CaseStatus', SearchAttributeType.KEYWORD);
export const CaseTypeKey = defineSearchAttributeKey('CaseType', SearchAttributeType.KEYWORD);
export const CaseUnitKey = defineSearchAttributeKey('CaseUnit', SearchAttributeType.KEYWORD);
export const CaseAgencyKey = defineSearchAttributeKey('CaseAgency', SearchAttributeType.KEYWORD);
export const CaseDueAtKey = defineSearchAttributeKey('CaseDueAt', SearchAttributeType.DATETIME);
export const CaseOverdueKey = defineSearchAttributeKey('CaseOverdue', SearchAttributeType.BOOL);

export const SEARCH_ATTRIBUTES = [CaseStatusKey, CaseTypeKey, CaseUnitKey, CaseAgencyKey, CaseDueAtKey, CaseOverdueKey];
