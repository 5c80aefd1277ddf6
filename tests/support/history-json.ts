import { createRequire } from 'node:module';
import type { History } from '@temporalio/common/lib/proto-utils';

/**
 * Temporal's JSON history format (proto3 JSON, as `temporal workflow show --output json` and the Web
 * UI's download write it), read and written with the protobufjs copy that `@temporalio/proto` uses.
 *
 * Not `historyToJSON` / `historyFromJSON` from `@temporalio/common/lib/proto-utils`: here they throw
 * "type must be a Type". npm gives `@temporalio/common` and `@temporalio/proto` each their own copy
 * of protobufjs 8 (the top level holds 7.x for `@grpc/proto-loader`), and protobufjs's ProtoJSON
 * checks `instanceof Type` against its own copy.
 */
interface ReflectedType {
  fromObject(object: unknown): unknown;
}
interface ProtoJson {
  toJson(type: ReflectedType, message: unknown): unknown;
  fromJson(type: ReflectedType, json: unknown, options: { ignoreUnknownFields: boolean }): History | null;
}

const fromHere = createRequire(import.meta.url);
const protoMain = fromHere.resolve('@temporalio/proto');
const protojson = createRequire(protoMain)('protobufjs/ext/protojson') as ProtoJson;
const historyType = (fromHere(protoMain) as { lookupType(name: string): ReflectedType }).lookupType('temporal.api.history.v1.History');

export function historyToJSON(history: History): string {
  return JSON.stringify(protojson.toJson(historyType, historyType.fromObject(history)), null, 2);
}

/** Unknown fields (a newer server's) are ignored, as the SDK does. */
export function historyFromJSON(json: string): History {
  const history = protojson.fromJson(historyType, JSON.parse(json), { ignoreUnknownFields: true });
  if (!history?.events?.length) throw new TypeError('not a workflow history: no events');
  return history;
}
