/**
 * The OpenAPI 3.1 document of /api/v1, generated from the same zod schemas that validate
 * requests (zod-openapi), so the contract cannot drift from the code.
 */
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from 'zod-openapi';
import {
  ZApiAppointment,
  ZApiAppointmentList,
  ZApiAvailability,
  ZApiEventList,
  ZApiProblem,
  ZApiResource,
  ZApiResourceList,
  ZApiSlotList,
  ZAppointmentsQuery,
  ZCreateAppointmentBody,
  ZCreateResourceBody,
  ZEmptyBody,
  ZEventsQuery,
  ZIdParams,
  ZOnDemandBody,
  ZPutAvailabilityBody,
  ZRescheduleBody,
  ZSlotsQuery,
  ZUpdateResourceBody,
} from './schemas.ts';

const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ZApiProblem } } });
const ok = (description: string, schema: z.ZodType) => ({ description, content: { 'application/json': { schema } } });

/** Errors every authenticated operation can return. */
const COMMON_ERRORS: ZodOpenApiResponsesObject = {
  '400': problem('Invalid request (errors[] lists each field)'),
  '401': problem('Missing, invalid or revoked API key'),
  '429': {
    ...problem('Rate limit exceeded'),
    headers: z.object({ 'retry-after': z.string().meta({ description: 'Seconds until the window resets' }) }),
  },
};

const idempotencyHeader = z.object({
  'idempotency-key': z
    .string()
    .max(255)
    .optional()
    .meta({ description: 'Replays the stored response for 24 h when the same key and body are sent again; a different body under the same key is a 422' }),
});

function op(o: { id: string; summary: string; tags: string[]; body?: z.ZodType; query?: z.ZodObject; path?: boolean; idempotent?: boolean; responses: ZodOpenApiResponsesObject }): ZodOpenApiOperationObject {
  return {
    operationId: o.id,
    summary: o.summary,
    tags: o.tags,
    requestParams: {
      ...(o.query ? { query: o.query } : {}),
      ...(o.path ? { path: ZIdParams } : {}),
      ...(o.idempotent ? { header: idempotencyHeader } : {}),
    },
    ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: o.body } } } } : {}),
    responses: { ...o.responses, ...COMMON_ERRORS },
  };
}

const ACTIONS = [
  { action: 'confirm', summary: 'Confirm a pending appointment', verb: 'confirmAppointment' },
  { action: 'cancel', summary: 'Cancel a pending or confirmed appointment', verb: 'cancelAppointment' },
  { action: 'complete', summary: 'Mark a confirmed appointment completed (after it starts)', verb: 'completeAppointment' },
  { action: 'no-show', summary: 'Mark a confirmed appointment as a no-show (after it starts)', verb: 'markNoShow' },
] as const;

let cached: ReturnType<typeof createDocument> | undefined;

/** Builds (once per process) the OpenAPI document. */
export function buildOpenApiDocument(): ReturnType<typeof createDocument> {
  cached ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Periodic scheduling API',
      version: '1.0.0',
      description:
        'Headless scheduling: resources, availability, slots, appointments and their events. Patients appear only as opaque tokens. Authenticate with `Authorization: Bearer <API key>`; errors are RFC 9457 problem details.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: '/api/v1', description: 'This deployment' }],
    security: [{ apiKey: [] }],
    tags: [
      { name: 'Resources', description: 'Bookable clinicians and their settings' },
      { name: 'Availability', description: 'Weekly hours, exceptions and free slots' },
      { name: 'Appointments', description: 'Booking and lifecycle' },
      { name: 'Events', description: 'The transactional event log' },
    ],
    components: { securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'Tenant API key (pk_…), created in the admin screen or with npm run apikey:create' } } },
    paths: {
      '/resources': {
        get: op({ id: 'listResources', summary: 'List resources', tags: ['Resources'], responses: { '200': ok('Resources', ZApiResourceList) } }),
        post: op({ id: 'createResource', summary: 'Create a resource', tags: ['Resources'], body: ZCreateResourceBody, idempotent: true, responses: { '201': ok('Created', ZApiResource), '422': problem('Idempotency key reused with another body') } }),
      },
      '/resources/{id}': {
        get: op({ id: 'getResource', summary: 'Get a resource', tags: ['Resources'], path: true, responses: { '200': ok('The resource', ZApiResource), '404': problem('Not found') } }),
        patch: op({ id: 'updateResource', summary: 'Update a resource (incl. on_call)', tags: ['Resources'], path: true, body: ZUpdateResourceBody, responses: { '200': ok('Updated', ZApiResource), '404': problem('Not found') } }),
      },
      '/resources/{id}/availability': {
        get: op({ id: 'getAvailability', summary: 'Get weekly hours and exceptions', tags: ['Availability'], path: true, responses: { '200': ok('Availability', ZApiAvailability), '404': problem('Not found') } }),
        put: op({ id: 'putAvailability', summary: 'Replace weekly hours and exceptions', tags: ['Availability'], path: true, body: ZPutAvailabilityBody, responses: { '200': ok('Saved', ZApiAvailability), '404': problem('Not found') } }),
      },
      '/slots': {
        get: op({ id: 'listSlots', summary: 'Free slots of a resource in a range (≤ 31 days)', tags: ['Availability'], query: ZSlotsQuery, responses: { '200': ok('Slots', ZApiSlotList), '404': problem('Resource not found') } }),
      },
      '/appointments': {
        get: op({ id: 'listAppointments', summary: 'List appointments', tags: ['Appointments'], query: ZAppointmentsQuery, responses: { '200': ok('A page of appointments', ZApiAppointmentList) } }),
        post: op({
          id: 'createAppointment',
          summary: 'Book a free slot',
          tags: ['Appointments'],
          body: ZCreateAppointmentBody,
          idempotent: true,
          responses: {
            '201': ok('Booked (pending, or confirmed when the tenant auto-confirms)', ZApiAppointment),
            '404': problem('Resource not found'),
            '409': problem('Slot taken (reason slot_taken) or idempotent request still running'),
            '422': problem('Not a bookable slot, or idempotency key reused with another body'),
          },
        }),
      },
      '/appointments/on-demand': {
        post: op({ id: 'createOnDemandAppointment', summary: 'See a clinician now', tags: ['Appointments'], body: ZOnDemandBody, idempotent: true, responses: { '201': ok('Immediate, confirmed appointment', ZApiAppointment), '422': problem('Nobody is available (reason nobody_available)') } }),
      },
      '/appointments/{id}': {
        get: op({ id: 'getAppointment', summary: 'Get an appointment', tags: ['Appointments'], path: true, responses: { '200': ok('The appointment', ZApiAppointment), '404': problem('Not found') } }),
      },
      ...Object.fromEntries(
        ACTIONS.map((a) => [
          `/appointments/{id}/${a.action}`,
          {
            post: op({
              id: a.verb,
              summary: a.summary,
              tags: ['Appointments'],
              path: true,
              idempotent: true,
              body: ZEmptyBody,
              responses: { '200': ok('Updated', ZApiAppointment), '404': problem('Not found'), '409': problem('Illegal transition (reason illegal_transition)'), '422': problem('Refused by a business rule') },
            }),
          },
        ]),
      ),
      '/appointments/{id}/reschedule': {
        post: op({
          id: 'rescheduleAppointment',
          summary: 'Move to another free slot (keeps the id)',
          tags: ['Appointments'],
          path: true,
          idempotent: true,
          body: ZRescheduleBody,
          responses: { '200': ok('Moved', ZApiAppointment), '404': problem('Not found'), '409': problem('Slot taken or appointment not active'), '422': problem('Not a bookable slot') },
        }),
      },
      '/events': {
        get: op({ id: 'listEvents', summary: 'List events (oldest first)', tags: ['Events'], query: ZEventsQuery, responses: { '200': ok('A page of events', ZApiEventList) } }),
      },
    },
  });
  return cached;
}
