/**
 * A service's account whitelist ("permissions"): list and add/remove. Entries are
 * `iam:domain::<domain id>` or `*` (`permission_type: domainId`, the default) or, where the profile
 * allows it, `organizations:orgPath::<path>` (`permission_type: orgPath`). An entry of the other
 * type is an invalid permission (`EndPoint.3002`), as is `iam:domain::*`. Profiles without the
 * `permission_type` field take domain entries only and still answer `permission_type: domainId`.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0206.html
 */
import { v1Error, V1Errors } from "./errors.js";
import type { PermissionType } from "./profile.js";
import type { V1Permission } from "./records.js";
import { ok, ownService, type V1Handler, type V1Request } from "./request.js";
import { objectBody, paging, v1Time } from "./validate.js";

const ENTRY_FORMS: Record<PermissionType, RegExp> = {
  domainId: /^(\*|iam:domain::[0-9a-f]{32})$/,
  orgPath: /^organizations:orgPath::(\*|[A-Za-z0-9/_-]{1,256})$/,
};

function permissionJson(p: V1Permission): Record<string, unknown> {
  return {
    id: p.id,
    permission: p.permission,
    permission_type: p.permission_type,
    description: p.description,
    created_at: v1Time(p.createdAt),
  };
}

function permissionType(req: V1Request, value: unknown): PermissionType {
  const allowed = req.profile.permissionTypes;
  // Where the API has no such field, whatever a client sends in it is ignored like any unknown field.
  if (!req.profile.fields.permissionType || value === undefined || value === null) return allowed[0];
  if (typeof value !== "string" || !allowed.includes(value as PermissionType)) {
    throw v1Error(V1Errors.InvalidParameter, `permission_type must be one of ${allowed.join(", ")}.`);
  }
  return value as PermissionType;
}

function checkPermission(value: unknown, type: PermissionType): string {
  if (typeof value !== "string") throw v1Error(V1Errors.InvalidPermission, "Permissions must be strings.");
  if (!ENTRY_FORMS[type].test(value))
    throw v1Error(V1Errors.InvalidPermission, `${JSON.stringify(value)} is not a valid ${type} permission.`);
  return value;
}

/** GET /vpc-endpoint-services/{id}/permissions (default 10 per page, at most 500). */
export const listServicePermissions: V1Handler = (req) => {
  const record = ownService(req, true);
  const { limit, offset } = paging(req.query, 10, 500);
  const filter = req.query.get("permission");
  const dir = req.query.get("sort_dir") ?? "desc";
  if (dir !== "asc" && dir !== "desc")
    throw v1Error(V1Errors.InvalidParameter, "sort_dir must be desc or asc.");
  const all = record.attrs.permissions
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !filter || p.permission.includes(filter))
    .sort((a, b) => a.p.createdAt - b.p.createdAt || a.index - b.index)
    .map(({ p }) => p);
  if (dir === "desc") all.reverse();
  return ok({ permissions: all.slice(offset, offset + limit).map(permissionJson), total_count: all.length });
};

/**
 * POST /vpc-endpoint-services/{id}/permissions/action
 * `{"action":"add"|"remove","permissions":[…],"permission_type"?:…}`
 */
export const changeServicePermissions: V1Handler = (req) => {
  const body = objectBody(req.body);
  const record = ownService(req, false);
  const action = body.action;
  if (action !== "add" && action !== "remove")
    throw v1Error(V1Errors.InvalidAction, 'action must be "add" or "remove".');
  const type = permissionType(req, body.permission_type);
  if (!Array.isArray(body.permissions) || body.permissions.length === 0) {
    throw v1Error(V1Errors.InvalidParameter, "permissions must be a non-empty array.");
  }
  const wanted = body.permissions.map((value: unknown) => checkPermission(value, type));
  const { state } = req.ctx;
  const list = record.attrs.permissions;
  if (action === "add") {
    for (const permission of wanted) {
      if (list.some((p) => p.permission === permission)) continue;
      list.push({
        id: state.random.uuid(),
        permission,
        permission_type: type,
        description: "",
        createdAt: state.clock.now(),
      });
    }
  } else {
    record.attrs.permissions = list.filter((p) => !wanted.includes(p.permission));
  }
  record.updatedAt = state.clock.now();
  return ok({ permissions: wanted });
};
