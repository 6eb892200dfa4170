import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { POLICY_KEY, Policy } from '../../src/authz/policy.decorators';
import { API_PREFIX } from '../../src/config/http';

export interface RouteInfo {
  /** e.g. "POST /api/v1/organizations/:orgId/members" */
  key: string;
  method: string;
  path: string;
  controller: string;
  handler: string;
  policy?: Policy;
}

const UNPREFIXED = new Set(['', 'health']);

function joinPath(...parts: (string | string[] | undefined)[]): string {
  return parts
    .map((part) => (Array.isArray(part) ? part[0] : part) ?? '')
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
}

/** Every HTTP route the application serves, read from the controllers' metadata. */
export function listRoutes(app: INestApplication): RouteInfo[] {
  const routes: RouteInfo[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { new (...args: never[]): object; name: string } | undefined;
      if (!controller) continue;
      const controllerPath = Reflect.getMetadata(PATH_METADATA, controller) as string | string[] | undefined;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const requestMethod = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (requestMethod === undefined) continue;
        const relative = joinPath(controllerPath, Reflect.getMetadata(PATH_METADATA, handler) as string | undefined);
        const path = '/' + (UNPREFIXED.has(relative) ? relative : joinPath(API_PREFIX, relative));
        const method = RequestMethod[requestMethod];
        routes.push({
          key: `${method} ${path}`,
          method,
          path,
          controller: controller.name,
          handler: name,
          policy: Reflect.getMetadata(POLICY_KEY, handler) ?? Reflect.getMetadata(POLICY_KEY, controller),
        });
      }
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}
