import { MetadataStorage } from '@mikro-orm/core';
import { migrateDatabase } from '../../src/database/prepare-database';
import { TEMPLATE_DATABASE, databaseUrl, withServer } from './test-databases';

/** Migrates one template database; every test file copies it (CREATE DATABASE … TEMPLATE). */
export default async function globalSetup(): Promise<void> {
  await withServer(async (client) => {
    await client.query(`drop database if exists "${TEMPLATE_DATABASE}" with (force)`);
    await client.query(`create database "${TEMPLATE_DATABASE}"`);
  });
  await migrateDatabase(databaseUrl(TEMPLATE_DATABASE));
  // MikroORM keeps entity metadata on globalThis, which an in-band test run shares with
  // this setup; metadata built in this realm breaks the test realm's discovery.
  MetadataStorage.clear();
}
