/** Wire shapes of the Huawei Cloud VPCEP API (snake_case, as the cloud sends them). */
export interface HuaweiTag {
  key: string;
  value: string;
}

export interface HuaweiErrorEntry {
  error_code?: string;
  error_message?: string;
}

export interface HuaweiEndpoint {
  id: string;
  status: string;
  service_type?: string;
  endpoint_service_id: string;
  endpoint_service_name?: string;
  vpc_id: string;
  subnet_id?: string;
  ip?: string;
  enable_dns?: boolean;
  dns_names?: string[];
  whitelist?: string[];
  enable_whitelist?: boolean;
  description?: string;
  tags?: HuaweiTag[];
  marker_id?: number;
  project_id?: string;
  created_at?: string;
  updated_at?: string;
  error?: HuaweiErrorEntry[];
}

export interface HuaweiPortMapping {
  client_port: number;
  server_port: number;
  protocol?: string;
}

export interface HuaweiService {
  id: string;
  status: string;
  port_id: string;
  vip_port_id?: string;
  vpc_id: string;
  server_type: string;
  service_type?: string;
  service_name?: string;
  approval_enabled: boolean;
  ports: HuaweiPortMapping[];
  tcp_proxy?: string;
  description?: string;
  tags?: HuaweiTag[];
  connection_count?: number;
  created_at?: string;
  error?: HuaweiErrorEntry[];
}

export interface HuaweiPermission {
  id: string;
  permission: string;
  permission_type?: string;
}

/** A service together with the paged permission list, which the GET does not include. */
export interface HuaweiServiceState {
  service: HuaweiService;
  permissions: string[];
}

/** Status values. @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_08_0003.html */
export const EndpointStatus = {
  Creating: "creating",
  PendingAcceptance: "pendingAcceptance",
  Accepted: "accepted",
  Rejected: "rejected",
  Failed: "failed",
  Deleting: "deleting",
} as const;

export const ServiceStatus = {
  Creating: "creating",
  Available: "available",
  Failed: "failed",
  Deleting: "deleting",
} as const;
