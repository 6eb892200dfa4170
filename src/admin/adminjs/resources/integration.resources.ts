import type { ResourceWithOptions } from 'adminjs';
import { ApiKey } from '../../../auth/api-keys/api-key.entity';
import { WebhookDelivery } from '../../../webhooks/webhook-delivery.entity';
import { WebhookEndpoint } from '../../../webhooks/webhook-endpoint.entity';
import { NAVIGATION, READ_ONLY_ACTIONS, ResourceDeps, defineResource } from './common';

/**
 * Partners' integrations as staff see them when a partner asks: API keys (never their hash) and
 * webhooks (never their secrets) with every delivery. Read-only: partners manage them through the API.
 */
export function apiKeyResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(deps, ApiKey, { order: { createdAt: 'desc', id: 'desc' } }, {
    navigation: NAVIGATION.integrations,
    titleProperty: 'name',
    listProperties: ['organization', 'name', 'prefix', 'scopes', 'expiresAt', 'lastUsedAt', 'revokedAt'],
    filterProperties: ['organization', 'name', 'prefix', 'createdByEmail', 'expiresAt', 'revokedAt'],
    showProperties: ['organization', 'name', 'prefix', 'scopes', 'createdByEmail', 'createdAt', 'expiresAt', 'lastUsedAt', 'lastUsedIp', 'revokedAt'],
    actions: READ_ONLY_ACTIONS,
  });
}

export function webhookEndpointResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(deps, WebhookEndpoint, { order: { createdAt: 'desc', id: 'desc' } }, {
    navigation: NAVIGATION.integrations,
    titleProperty: 'url',
    listProperties: ['organization', 'url', 'events', 'includeCustomers', 'failingSince', 'disabledAt'],
    filterProperties: ['organization', 'url', 'includeCustomers', 'failingSince', 'disabledAt', 'createdAt'],
    showProperties: [
      'organization', 'url', 'description', 'events', 'includeCustomers', 'createdBy', 'createdAt', 'updatedAt', 'failingSince', 'disabledAt', 'disabledReason', 'previousSecretExpiresAt',
    ],
    actions: READ_ONLY_ACTIONS,
  });
}

export function webhookDeliveryResource(deps: ResourceDeps): ResourceWithOptions {
  return defineResource(deps, WebhookDelivery, { order: { createdAt: 'desc', id: 'desc' } }, {
    navigation: NAVIGATION.integrations,
    titleProperty: 'eventType',
    listProperties: ['createdAt', 'endpoint', 'eventType', 'status', 'attempts', 'responseStatus', 'nextAttemptAt', 'lastError'],
    filterProperties: ['endpoint', 'eventType', 'status', 'eventId', 'createdAt'],
    showProperties: [
      'createdAt', 'endpoint', 'eventId', 'eventType', 'status', 'attempts', 'responseStatus', 'durationMs', 'lastAttemptAt', 'nextAttemptAt', 'succeededAt', 'lastError', 'payload',
    ],
    actions: READ_ONLY_ACTIONS,
  });
}
