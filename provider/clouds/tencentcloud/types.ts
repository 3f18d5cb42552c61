/** Wire shapes of the Tencent Cloud VPC API 2017-03-12 Private Link actions (PascalCase). */
export interface TencentTag {
  Key: string;
  Value: string;
}

export interface TencentEndpoint {
  EndPointId: string;
  VpcId: string;
  SubnetId: string;
  EndPointOwner?: string;
  EndPointName: string;
  ServiceVpcId?: string;
  ServiceVip?: string;
  EndPointServiceId: string;
  EndPointVip?: string;
  State: string;
  CreateTime?: string;
  GroupSet?: string[];
  ServiceName?: string;
  TagSet?: TencentTag[];
}

export interface TencentService {
  EndPointServiceId: string;
  VpcId: string;
  ServiceOwner?: string;
  ServiceName: string;
  ServiceVip?: string;
  ServiceInstanceId: string;
  AutoAcceptFlag: boolean;
  EndPointCount?: number;
  EndPointSet?: TencentEndpoint[];
  CreateTime?: string;
  ServiceType?: string;
  TagSet?: TencentTag[];
}

export interface TencentWhitelistEntry {
  UserUin: string;
  Description?: string;
  EndPointServiceId: string;
}

/** A service with its whitelist, which Describe does not include. */
export interface TencentServiceState {
  service: TencentService;
  /** The whitelist; left unread by a status lookup. */
  permissions?: string[];
}

/** `EndPoint.State` values. */
export const EndpointState = {
  Pending: "PENDING",
  Accepting: "ACCEPTING",
  Active: "ACTIVE",
  Rejected: "REJECTED",
  Failed: "FAILED",
} as const;

/** Tencent's create response shows a zero time until the endpoint exists. */
export const ZERO_TIME = "0000-00-00 00:00:00";
