/**
 * What the emulator stores for Tencent resources, and how records become wire JSON
 * (PascalCase, times `YYYY-MM-DD HH:MM:SS`).
 */
import { settle, type EmulatorState } from "../../core/state.js";
import type { ResourceRecord } from "../../core/store.js";
import { TC_ENDPOINT_MODEL, TENCENT_CLOUD } from "./models.js";

/** A `{Key, Value}` tag. */
export interface TcTag {
  Key: string;
  Value: string;
}

/** One white-list entry of a service. */
export interface TcWhiteListEntry {
  UserUin: string;
  Description: string;
  createdAt: number;
}

/** Stored fields of an endpoint service. */
export interface TcServiceAttrs {
  VpcId: string;
  ServiceName: string;
  AutoAcceptFlag: boolean;
  ServiceInstanceId: string;
  ServiceType: string;
  ServiceVip: string;
  Tags: TcTag[];
  /** Owner AppId (`ServiceOwner`). */
  appId: string;
  whiteList: TcWhiteListEntry[];
}

/** Stored fields of an endpoint. */
export interface TcEndpointAttrs {
  VpcId: string;
  SubnetId: string;
  EndPointName: string;
  EndPointServiceId: string;
  EndPointVip: string;
  GroupSet: string[];
  Tags: TcTag[];
  /** Owner AppId (`EndPointOwner`). */
  appId: string;
  /** Snapshot of the service's fields, so a deleted service still names itself. */
  ServiceVpcId: string;
  ServiceVip: string;
  ServiceName: string;
}

/** A stored endpoint service. */
export type TcServiceRecord = ResourceRecord<TcServiceAttrs>;
/** A stored endpoint. */
export type TcEndpointRecord = ResourceRecord<TcEndpointAttrs>;

/** `YYYY-MM-DD HH:MM:SS` (UTC; the sources do not say which zone the API uses). */
export function tcTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

/** The create response shows a zero time (documented example). */
export const ZERO_TIME = "0000-00-00 00:00:00";

/** The `EndPoint` object. */
export function endpointJson(
  record: TcEndpointRecord,
  createTime = tcTime(record.createdAt),
): Record<string, unknown> {
  const a = record.attrs;
  return {
    EndPointId: record.id,
    VpcId: a.VpcId,
    SubnetId: a.SubnetId,
    EndPointOwner: a.appId,
    EndPointName: a.EndPointName,
    ServiceVpcId: a.ServiceVpcId,
    ServiceVip: a.ServiceVip,
    EndPointServiceId: a.EndPointServiceId,
    EndPointVip: a.EndPointVip,
    State: record.status,
    CreateTime: createTime,
    GroupSet: [...a.GroupSet],
    ServiceName: a.ServiceName,
    CdcId: "",
    TagSet: a.Tags.map((tag) => ({ ...tag })),
  };
}

/**
 * Endpoints attached to a service (any account). Embedding them is a read path, so their
 * lifecycles advance, but a notVisibleYet fault only hides direct endpoint reads.
 */
export function attachedEndpoints(
  state: EmulatorState,
  service: TcServiceRecord,
  read = true,
): TcEndpointRecord[] {
  return state.store
    .list<TcEndpointAttrs>({ cloud: TENCENT_CLOUD, model: TC_ENDPOINT_MODEL, region: service.region })
    .filter((endpoint) => endpoint.attrs.EndPointServiceId === service.id)
    .map((endpoint) => settle(state, endpoint, read))
    .filter((endpoint): endpoint is TcEndpointRecord => endpoint !== undefined);
}

/** The `EndPointService` object, with the attached endpoints embedded. */
export function serviceJson(state: EmulatorState, record: TcServiceRecord): Record<string, unknown> {
  const a = record.attrs;
  const endpoints = attachedEndpoints(state, record);
  return {
    EndPointServiceId: record.id,
    VpcId: a.VpcId,
    ServiceOwner: a.appId,
    ServiceName: a.ServiceName,
    ServiceVip: a.ServiceVip,
    ServiceInstanceId: a.ServiceInstanceId,
    AutoAcceptFlag: a.AutoAcceptFlag,
    EndPointCount: endpoints.length,
    EndPointSet: endpoints.map((endpoint) => endpointJson(endpoint)),
    CreateTime: tcTime(record.createdAt),
    ServiceType: a.ServiceType,
    CdcId: "",
    ServiceUin: record.tenant,
    BusinessIpType: 0,
    TagSet: a.Tags.map((tag) => ({ ...tag })),
  };
}
