// Not re-exported from the package root in SDK 1.24.
import { encodeSearchAttributeIndexedValueType } from '@temporalio/common/lib/search-attributes';
import type { NativeConnection } from '@temporalio/worker';
import { SEARCH_ATTRIBUTES } from '../workflows/search-attributes';

/**
 * Registers the case search attributes the namespace lacks, so a fresh cluster needs no manual
 * `temporal operator search-attribute create`. The dev server gets them from its start flags.
 */
export async function registerSearchAttributes(connection: NativeConnection, namespace: string): Promise<string[]> {
  const missing = await missingSearchAttributes(connection, namespace);
  if (missing.length === 0) return [];
  try {
    await connection.operatorService.addSearchAttributes({
      namespace,
      searchAttributes: Object.fromEntries(missing.map((k) => [k.name, encodeSearchAttributeIndexedValueType(k.type)!])),
    });
  } catch (err) {
    // Another replica starting at the same moment may have added them first.
    if ((await missingSearchAttributes(connection, namespace)).length > 0) throw err;
    return [];
  }
  return missing.map((k) => k.name);
}

async function missingSearchAttributes(connection: NativeConnection, namespace: string) {
  const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
  return SEARCH_ATTRIBUTES.filter((k) => !(k.name in (customAttributes ?? {})));
}
