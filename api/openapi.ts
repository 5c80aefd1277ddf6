import { z } from 'zod';
import { responseSchemas, responseTypeName } from './response-schemas';
import { caseViewSchema, staffCaseViewSchema } from './routes/case-view';
import * as admin from './routes/admin/schemas';
import * as serviceAccounts from './routes/admin/service-accounts.schema';
import { currentUserSchema, loginSchema, loginSessionSchema } from './routes/auth';
import { caseRefSchema, caseTimelineSchema } from './routes/cases';
import { agencyListSchema, catalogSchema } from './routes/catalog';
import { documentInfoSchema, documentLimitsSchema, documentListSchema } from './routes/documents';
import { casePetitionerSchema } from './routes/petitioner';
import { submittedPetitionSchema } from './routes/petitions';
import { caseHistorySchema } from './services/case-history';
import { CASE_ACTIONS } from '../domain/case-actions';
import { CITIZEN_ACTIONS } from './auth/scope';
import { CITIZEN_SECRET_HEADER, citizenActionResultSchema, citizenSecretSentSchema, trackedCaseSchema } from './routes/track';
import { changeLogQuerySchema } from './routes/admin/change-log';
import { inboxQuerySchema, inboxSchema } from './routes/inbox';
import { overdueQuerySchema } from './services/overdue-list';
import { caseSearchResultsSchema, searchQuerySchema } from './services/search-cases';
import { submitPetitionSchema } from './routes/petitions.schema';
import { recommendationSchema, respondSchema } from './routes/recommendations';
import { dialogueQuery } from './routes/reports';
import { concludeSchema, createSessionSchema, opinionsSchema } from './routes/sessions.schema';

/*
 * The OpenAPI 3.1 document is generated from the zod schemas that validate every request, so
 * what the spec says and what the API enforces are the same thing.
 */
type Schema = z.ZodType;
const json = (schema: Schema) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
const body = (schema: Schema) => ({ required: true, content: { 'application/json': { schema: json(schema) } } });
const problem = { description: 'Problem details (RFC 9457)', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
/** A response: its body's named schema (api/response-schemas.ts), or undescribed JSON. */
const ok = (description: string, schema?: Schema) =>
  ({ description, content: { 'application/json': schema ? { schema: { $ref: `#/components/schemas/${responseTypeName(schema)}` } } : {} } });
/** Response bodies as JSON: what a route sends, its Dates as date-time strings. */
function responseComponents() {
  const { schemas } = z.toJSONSchema(responseSchemas, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema._zod.def.type === 'date') Object.assign(jsonSchema, { type: 'string', format: 'date-time' });
    },
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}
const query = (schema: z.ZodObject) =>
  Object.entries(schema.shape).map(([name, field]) => ({ name, in: 'query', required: !(field as Schema).safeParse(undefined).success, schema: json(field as Schema) }));
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });
const staff = [{ session: [] }, { bearer: [] }];
const citizenSecret = { name: CITIZEN_SECRET_HEADER, in: 'header', required: true, description: 'The secret the citizen received at submission', schema: { type: 'string' } };
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), problem]));

function op(summary: string, extra: Record<string, unknown> = {}, responses: Record<string, unknown> = { 200: ok('OK') }) {
  return { summary, ...extra, responses };
}

const caseActions = Object.fromEntries(
  Object.entries(CASE_ACTIONS).map(([action, { input: schema }]) => [
    `/api/cases/{id}/actions/${action}`,
    { post: op(`Case action: ${action}`, { security: staff, parameters: [pathParam('id', 'case id')], requestBody: body(schema) }, { 200: ok('The updated case', staffCaseViewSchema), ...errors(401, 403, 404, 409, 422) }) },
  ]),
);

export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Petition workflows API / API hệ thống theo dõi phản ánh, kiến nghị',
      version: '0.1.0',
      description: 'Petitions, dialogue sessions, legal deadlines and escalation. Errors are problem details with a machine-readable `code` and a Vietnamese / English `detail`.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'sid' },
        bearer: { type: 'http', scheme: 'bearer', description: 'A session token from /api/auth/login, or a service account’s API token (pat_…)' },
      },
      schemas: {
        ...responseComponents(),
        Problem: {
          type: 'object',
          required: ['code', 'status', 'detail'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            code: { type: 'string' },
            detail: { type: 'string' },
            fields: { type: 'array', items: { type: 'object', properties: { field: { type: 'string' }, message: { type: 'string' } } } },
          },
        },
      },
    },
    paths: {
      '/api/petitions': {
        post: op(
          'Submit a petition',
          { parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string', minLength: 8, maxLength: 200 } }], requestBody: body(submitPetitionSchema) },
          {
            201: ok('Created: id, trackingCode, the citizen’s secret (shown once), receivedAt, acceptance {dueAt, limit} and receipt [{channel email|sms, status}]: the receipt with the code and the secret sent to the email and phone given', submittedPetitionSchema),
            200: ok('The same key from the same client: the first case (a new secret within 10 minutes, unless a receipt already carried the first; no second receipt)', submittedPetitionSchema),
            ...errors(400, 413, 422, 429, 503),
          },
        ),
      },
      '/api/petitions/{id}': { get: op('A case by id, without identity (staff, in scope)', { security: staff, parameters: [pathParam('id', 'case id')] }, { 200: ok('The case', caseViewSchema), ...errors(401, 404) }) },
      '/api/track/{code}': { get: op('The citizen’s view by tracking code', { parameters: [pathParam('code', 'tracking code')] }, { 200: ok('The case', trackedCaseSchema), ...errors(404, 429) }) },
      ...Object.fromEntries(
        CITIZEN_ACTIONS.map((a) => [
          `/api/track/{code}/actions/${a}`,
          { post: op(`Citizen action: ${a}`, { parameters: [pathParam('code', 'tracking code'), citizenSecret], requestBody: body(CASE_ACTIONS[a].input) }, { 200: ok('Status', citizenActionResultSchema), ...errors(401, 403, 404, 409, 422, 429) }) },
        ]),
      ),
      '/api/documents': {
        post: op(
          'Upload one file (streamed; its type proven from its content: PDF, pictures, Office, OpenDocument; scanned by clamd). Name its id in documentIds of a submission or an action',
          {
            parameters: [{ name: 'X-Requested-With', in: 'header', required: true, description: 'Any value: a cross-site form cannot send it', schema: { type: 'string' } }],
            requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } },
          },
          { 201: ok('The document: id, name, contentType, size, scanStatus', documentInfoSchema), ...errors(400, 413, 415, 422, 429, 503) },
        ),
      },
      '/api/documents/limits': { get: op('The largest file taken and the most a case may hold, in bytes', {}, { 200: ok('The limits', documentLimitsSchema) }) },
      '/api/track/{code}/documents': { get: op('The case’s documents (citizen)', { parameters: [pathParam('code', 'tracking code'), citizenSecret] }, { 200: ok('Documents', documentListSchema), ...errors(401, 403, 404, 429) }) },
      '/api/track/{code}/documents/{documentId}': {
        get: op('A document as a download (citizen)', { parameters: [pathParam('code', 'tracking code'), pathParam('documentId', 'document id'), citizenSecret] }, { 200: { description: 'The file, Content-Disposition: attachment, its stored type' }, ...errors(401, 403, 404, 429) }),
      },
      '/api/track/{code}/secret': {
        post: op('Send a new citizen secret to the email and phone on file (the answer is the same whether there is one)', { parameters: [pathParam('code', 'tracking code')] }, { 202: ok('Sent if there is an email or a phone', citizenSecretSentSchema), ...errors(404, 429, 503) }),
      },
      '/api/auth/login': { post: op('Staff login', { requestBody: body(loginSchema) }, { 200: ok('The user; the session token in an HttpOnly cookie, or in the body when tokenIn is body (scripts only)', loginSessionSchema), ...errors(401, 422, 429) }) },
      '/api/auth/logout': { post: op('End the session', { security: staff }, { 204: { description: 'Logged out' } }) },
      '/api/auth/me': { get: op('Who am I', { security: staff }, { 200: ok('The user', currentUserSchema), ...errors(401) }) },
      '/api/inbox': { get: op('My open cases, soonest due first', { security: staff, parameters: query(inboxQuerySchema) }, { 200: ok('A page of cases', inboxSchema), ...errors(401, 422) }) },
      '/api/cases/{id}': { get: op('A case in my scope', { security: staff, parameters: [pathParam('id', 'case id')] }, { 200: ok('The case, what I may do to it now and each action’s form', staffCaseViewSchema), ...errors(401, 404) }) },
      '/api/cases/search': {
        get: op('Find cases in my scope by tracking code, words (diacritics optional), unit or agency, or the petitioner where my role may read it', { security: staff, parameters: query(searchQuerySchema) }, { 200: ok('A page of matching cases, best first', caseSearchResultsSchema), ...errors(401, 422) }),
      },
      '/api/cases/by-code/{code}': { get: op('Find a case in my scope by tracking code', { security: staff, parameters: [pathParam('code', 'tracking code')] }, { 200: ok('The case id', caseRefSchema), ...errors(401, 404) }) },
      '/api/cases/{id}/timeline': { get: op('The case’s steps: who, what, when, why', { security: staff, parameters: [pathParam('id', 'case id')] }, { 200: ok('Events', caseTimelineSchema), ...errors(401, 404) }) },
      '/api/catalog': { get: op('Units, categories and case types for the forms', {}, { 200: ok('The catalog', catalogSchema) }) },
      '/api/catalog/agencies': { get: op('Agencies a case can be assigned or transferred to', { security: staff }, { 200: ok('Agencies', agencyListSchema), ...errors(401) }) },
      '/api/cases/{id}/documents': { get: op('The case’s documents (a denouncer’s without a name for those who may not see the identity)', { security: staff, parameters: [pathParam('id', 'case id')] }, { 200: ok('Documents', documentListSchema), ...errors(401, 404) }) },
      '/api/cases/{id}/documents/{documentId}': {
        get: op('A document as a download (staff, in scope; a denouncer’s recorded)', { security: staff, parameters: [pathParam('id', 'case id'), pathParam('documentId', 'document id')] }, { 200: { description: 'The file, Content-Disposition: attachment, its stored type' }, ...errors(401, 403, 404) }),
      },
      '/api/cases/{id}/petitioner': { get: op('The petitioner’s identity (recorded)', { security: staff, parameters: [pathParam('id', 'case id')] }, { 200: ok('Identity', casePetitionerSchema), ...errors(401, 403, 404) }) },
      '/api/cases/{id}/history': { get: op('Merged audit and Temporal history', { security: staff, parameters: [pathParam('id', 'case id')] }, { 200: ok('Timeline', caseHistorySchema), ...errors(401, 403, 404) }) },
      ...caseActions,
      '/api/sessions': { get: op('Dialogue sessions in my scope', { security: staff }, { 200: ok('Sessions'), ...errors(401, 403) }), post: op('Record a dialogue session', { security: staff, requestBody: body(createSessionSchema) }, { 201: ok('Created'), ...errors(401, 403, 422) }) },
      '/api/sessions/{id}': { get: op('A session, its cases and deadline', { security: staff, parameters: [pathParam('id', 'session id')] }, { 200: ok('Session'), ...errors(401, 403, 404) }) },
      '/api/sessions/{id}/opinions': { post: op('Add opinions', { security: staff, parameters: [pathParam('id', 'session id')], requestBody: body(opinionsSchema) }, { 201: ok('Case ids'), ...errors(401, 403, 404, 409, 422) }) },
      '/api/sessions/{id}/conclude': { post: op('The head’s written conclusion', { security: staff, parameters: [pathParam('id', 'session id')], requestBody: body(concludeSchema) }, { 200: ok('Concluded'), ...errors(401, 403, 404, 409, 422) }) },
      '/api/escalations': { get: op('Escalations inbox for heads', { security: staff, parameters: query(overdueQuerySchema) }, { 200: ok('Overdue (a page, and counts by agency), extension requests, escalations'), ...errors(401, 403, 422) }) },
      '/api/supervision': { get: op('Supervision board for the Front', { security: staff, parameters: query(overdueQuerySchema) }, { 200: ok('Board'), ...errors(401, 403, 422) }) },
      '/api/supervision/recommendations': {
        get: op('Supervision recommendations in scope', { security: staff }),
        post: op('Record a supervision recommendation (the Front)', { security: staff, requestBody: body(recommendationSchema) }, { 201: ok('Created'), ...errors(401, 403, 422) }),
      },
      '/api/supervision/recommendations/{id}/respond': { post: op('Answer a recommendation (the head)', { security: staff, parameters: [pathParam('id', 'recommendation id')], requestBody: body(respondSchema) }, { 200: ok('Answered'), ...errors(401, 403, 404, 409, 422) }) },
      '/api/reports/dialogue': { get: op('Dialogue statistics (JSON or CSV)', { security: staff, parameters: query(dialogueQuery) }, { 200: ok('Rows'), ...errors(401, 403, 422) }) },
      '/api/reports/overdue': { get: op('Overdue cases by agency (JSON or CSV)', { security: staff }, { 200: ok('Rows'), ...errors(401, 403) }) },
      '/api/admin/units': { get: op('Units', { security: staff }), post: op('Add a unit', { security: staff, requestBody: body(admin.unitSchema) }, { 201: ok('Created'), ...errors(401, 403, 409, 422) }) },
      '/api/admin/units/{code}': { patch: op('Change a unit', { security: staff, parameters: [pathParam('code', 'unit code')], requestBody: body(admin.unitPatchSchema) }) },
      '/api/admin/organisations': { get: op('Organisations', { security: staff }), post: op('Add an organisation', { security: staff, requestBody: body(admin.organisationSchema) }, { 201: ok('Created'), ...errors(401, 403, 409, 422) }) },
      '/api/admin/organisations/{code}': { patch: op('Change an organisation', { security: staff, parameters: [pathParam('code', 'organisation code')], requestBody: body(admin.organisationPatchSchema) }) },
      '/api/admin/categories': { get: op('Categories', { security: staff }), post: op('Add a category', { security: staff, requestBody: body(admin.categorySchema) }, { 201: ok('Created'), ...errors(401, 403, 409, 422) }) },
      '/api/admin/categories/{code}': { patch: op('Change a category', { security: staff, parameters: [pathParam('code', 'category code')], requestBody: body(admin.categoryPatchSchema) }) },
      '/api/admin/routing-rules': { get: op('Routing rules', { security: staff }), post: op('Add a routing rule', { security: staff, requestBody: body(admin.routingRuleSchema) }, { 201: ok('Created'), ...errors(401, 403, 422) }) },
      '/api/admin/routing-rules/{id}': { delete: op('Remove a routing rule', { security: staff, parameters: [pathParam('id', 'rule id')] }, { 204: { description: 'Removed' }, ...errors(404) }) },
      '/api/admin/clock-policies': { get: op('Legal-clock policy versions', { security: staff }), post: op('Add a policy version', { security: staff, requestBody: body(admin.clockPolicySchema) }, { 201: ok('Created'), ...errors(401, 403, 409, 422) }) },
      '/api/admin/calendar-overrides': { get: op('Calendar overrides', { security: staff }) },
      '/api/admin/calendar-overrides/{date}': {
        put: op('Set a day off or a working day', { security: staff, parameters: [pathParam('date', 'YYYY-MM-DD, Vietnam time')], requestBody: body(admin.calendarOverrideSchema) }),
        delete: op('Remove an override', { security: staff, parameters: [pathParam('date', 'YYYY-MM-DD')] }, { 204: { description: 'Removed' }, ...errors(404) }),
      },
      '/api/admin/calendar-years/{year}': {
        get: op('A year as the clock counts it: its overrides, weekdays off and weekend days worked', { security: staff, parameters: [pathParam('year', 'YYYY')] }, { 200: ok('The year'), ...errors(401, 403, 422) }),
        put: op('Load a year’s announced calendar in one step (replaces that year’s overrides)', { security: staff, parameters: [pathParam('year', 'YYYY')], requestBody: body(admin.calendarYearSchema) }, { 200: ok('The year, and computed days off the announcement did not mention'), ...errors(401, 403, 422) }),
      },
      '/api/admin/recurring-holidays': { get: op('Recurring holidays added by administrators', { security: staff }) },
      '/api/admin/recurring-holidays/{monthDay}': {
        put: op('Add or change a holiday on the same day every year from a given year', { security: staff, parameters: [pathParam('monthDay', 'MM-DD')], requestBody: body(admin.recurringHolidaySchema) }, { 200: ok('The holiday'), ...errors(401, 403, 422) }),
        delete: op('Remove a recurring holiday', { security: staff, parameters: [pathParam('monthDay', 'MM-DD')] }, { 204: { description: 'Removed' }, ...errors(404, 422) }),
      },
      '/api/admin/users': { get: op('Users', { security: staff }), post: op('Add a user', { security: staff, requestBody: body(admin.userSchema) }, { 201: ok('Created'), ...errors(401, 403, 409, 422) }) },
      '/api/admin/users/{id}': { patch: op('Change a user (role, placement, password, unlock)', { security: staff, parameters: [pathParam('id', 'user id')], requestBody: body(admin.userPatchSchema) }) },
      '/api/admin/service-accounts': { get: op('Service accounts (integrations) and their tokens', { security: staff }), post: op('Add a service account (no password; acts only through API tokens)', { security: staff, requestBody: body(serviceAccounts.serviceAccountSchema) }, { 201: ok('Created'), ...errors(401, 403, 409, 422) }) },
      '/api/admin/service-accounts/{id}': { patch: op('Change a service account (a new role or placement revokes its tokens)', { security: staff, parameters: [pathParam('id', 'service account id')], requestBody: body(serviceAccounts.serviceAccountPatchSchema) }, { 200: ok('The account'), ...errors(401, 403, 404, 422) }) },
      '/api/admin/api-tokens': { get: op('API tokens', { security: staff }), post: op('Issue a service account an API token (shown once; expires, 90 days by default, at most 365)', { security: staff, requestBody: body(serviceAccounts.apiTokenSchema) }, { 201: ok('The token'), ...errors(401, 403, 422) }) },
      '/api/admin/changes': { get: op('Configuration change log, newest first (who, what, when; never a secret)', { security: staff, parameters: query(changeLogQuerySchema) }, { 200: ok('A page of changes and the cursor of the next'), ...errors(401, 403, 422) }) },
      '/api/admin/api-tokens/{id}': { delete: op('Revoke an API token', { security: staff, parameters: [pathParam('id', 'token id')] }, { 204: { description: 'Revoked' }, ...errors(404) }) },
      '/api/health': { get: op('Liveness') },
      '/api/ready': { get: op('Readiness: PostgreSQL and Temporal', {}, { 200: ok('Ready'), 503: ok('Unavailable') }) },
      '/api/openapi.json': { get: op('This document') },
    },
  };
}
