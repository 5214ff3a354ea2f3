/**
 * What the External API guide describes, end to end: a CRM where a new deal plans an inspection
 * in OpenPatrol, and the inspection's outcome flows back to the deal.
 *
 * - A new deal → POST /task-executions with the deal id as Idempotency-Key (a retry after a
 *   network error creates nothing twice).
 * - OpenPatrol → the CRM's webhook endpoint: task-execution.completed / .incomplete / .expired,
 *   verified with verifyWebhookSignature; the deal takes the result.
 *
 * Run against a local server: see README.md next to this file.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createOpenPatrolClient,
  verifyWebhookSignature,
  type Schemas,
} from '../../packages/api-client/src/index.js';

export interface Deal {
  readonly id: string;
  readonly customer: string;
  status: 'NEW' | 'INSPECTION_PLANNED' | 'INSPECTED' | 'INSPECTION_FAILED' | 'INSPECTION_MISSED';
  executionId: string | null;
  inspectionErrors: number | null;
}

export interface CrmIntegrationOptions {
  /** The OpenPatrol server, e.g. http://localhost:8080 */
  readonly baseUrl: string;
  readonly token: string;
  readonly locationId: string;
  readonly pointId: string;
  readonly assigneeIds: readonly string[];
  /** Where OpenPatrol can reach this CRM's webhook endpoint; the local address when absent. */
  readonly publicWebhookBase?: string;
}

export async function startCrmIntegration(options: CrmIntegrationOptions) {
  const api = createOpenPatrolClient({ baseUrl: options.baseUrl, token: options.token });
  const deals = new Map<string, Deal>();
  let secret = '';
  const seen = new Set<string>();

  // The CRM's webhook endpoint.
  const receiver = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      void (async () => {
        const headers = request.headers as Record<string, string>;
        if (!(await verifyWebhookSignature({ secret, headers, body }))) {
          response.writeHead(400).end('bad signature');
          return;
        }
        // Deliveries are retried until answered: handle each event once.
        if (!seen.has(headers['webhook-id']!)) {
          seen.add(headers['webhook-id']!);
          const event = JSON.parse(body) as { type: string; data: Schemas['TaskExecutionInfo'] };
          const deal = [...deals.values()].find((d) => d.executionId === event.data.id);
          if (deal) {
            deal.inspectionErrors = event.data.errorCount;
            deal.status =
              event.type === 'task-execution.completed'
                ? event.data.errorCount === 0
                  ? 'INSPECTED'
                  : 'INSPECTION_FAILED'
                : event.type === 'task-execution.expired'
                  ? 'INSPECTION_MISSED'
                  : 'INSPECTION_FAILED';
          }
        }
        response.writeHead(204).end();
      })();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  const port = (receiver.address() as AddressInfo).port;
  const webhookUrl = `${options.publicWebhookBase ?? `http://127.0.0.1:${port}`}/openpatrol`;

  const subscribed = await api.POST('/webhooks', {
    body: {
      url: webhookUrl,
      description: 'CRM: inspection results',
      eventTypes: [
        'task-execution.completed',
        'task-execution.incomplete',
        'task-execution.expired',
      ],
      locationIds: [options.locationId],
    },
  });
  if (!subscribed.data) throw new Error(`subscribing failed: ${JSON.stringify(subscribed.error)}`);
  secret = subscribed.data.secret;

  return {
    deals,
    webhookId: subscribed.data.id,

    /** A new deal plans an inspection tomorrow at 10:00 UTC. */
    async createDeal(id: string, customer: string, inspectionAt: Date): Promise<Deal> {
      const deal: Deal = { id, customer, status: 'NEW', executionId: null, inspectionErrors: null };
      deals.set(id, deal);
      const planned = await api.POST('/task-executions', {
        params: { header: { 'Idempotency-Key': `crm-deal-${id}` } },
        body: {
          assigneeIds: [...options.assigneeIds],
          locationId: options.locationId,
          name: `Inspection for ${customer}`,
          description: `CRM deal ${id}`,
          recurrence: null,
          startAt: inspectionAt.toISOString(),
          endAt: new Date(inspectionAt.getTime() + 2 * 3_600_000).toISOString(),
          priority: 'HIGH',
          orderStepsRequired: false,
          strictTimeRequired: false,
          deadlined: false,
          tags: ['crm'],
          published: true,
          steps: [
            {
              pointId: options.pointId,
              name: 'Site inspection',
              order: 0,
              actions: [
                {
                  name: 'Premises secure',
                  type: 'BOOLEAN',
                  order: 0,
                  required: true,
                  alertLevel: 'ERROR',
                },
              ],
            },
          ],
        },
      });
      if (!planned.data) throw new Error(`planning failed: ${JSON.stringify(planned.error)}`);
      deal.executionId = planned.data.id;
      deal.status = 'INSPECTION_PLANNED';
      return deal;
    },

    async stop() {
      await api.DELETE('/webhooks/{id}', { params: { path: { id: subscribed.data.id } } });
      await new Promise((resolve) => receiver.close(resolve));
    },
  };
}
