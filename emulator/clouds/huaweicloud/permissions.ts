/**
 * A service's account whitelist ("permissions"): list and add/remove.
 * @link https://support.huaweicloud.com/intl/en-us/api-vpcep/vpcep_06_0206.html
 */
import { hwError, HwErrors } from "./errors.js";
import type { HwPermission } from "./records.js";
import { ok, ownService, type HwHandler } from "./request.js";
import { hwTime, objectBody, paging } from "./validate.js";

const DOMAIN_PERMISSION = /^iam:domain::[0-9a-f]{32}$/;
const ORG_PERMISSION = /^organizations:orgPath::(\*|[A-Za-z0-9/_-]{1,256})$/;

function permissionJson(p: HwPermission): Record<string, unknown> {
  return {
    id: p.id,
    permission: p.permission,
    permission_type: p.permission_type,
    description: p.description,
    created_at: hwTime(p.createdAt),
  };
}

/** `iam:domain::<32 hex>` or `*` (domainId), or an org path (orgPath). `iam:domain::*` is refused. */
function checkPermission(value: unknown, type: string): string {
  if (typeof value !== "string") throw hwError(HwErrors.InvalidPermission, "Permissions must be strings.");
  const valid =
    type === "orgPath" ? ORG_PERMISSION.test(value) : value === "*" || DOMAIN_PERMISSION.test(value);
  if (!valid)
    throw hwError(HwErrors.InvalidPermission, `${JSON.stringify(value)} is not a valid ${type} permission.`);
  return value;
}

/** GET /vpc-endpoint-services/{id}/permissions (default 10 per page, at most 500). */
export const listServicePermissions: HwHandler = (req) => {
  const record = ownService(req, true);
  const { limit, offset } = paging(req.query, 10, 500);
  const filter = req.query.get("permission");
  const dir = req.query.get("sort_dir") ?? "desc";
  if (dir !== "asc" && dir !== "desc")
    throw hwError(HwErrors.InvalidParameter, "sort_dir must be desc or asc.");
  const all = record.attrs.permissions
    .map((p, index) => ({ p, index }))
    .filter(({ p }) => !filter || p.permission.includes(filter))
    .sort((a, b) => a.p.createdAt - b.p.createdAt || a.index - b.index)
    .map(({ p }) => p);
  if (dir === "desc") all.reverse();
  return ok({ permissions: all.slice(offset, offset + limit).map(permissionJson), total_count: all.length });
};

/** POST /vpc-endpoint-services/{id}/permissions/action `{"action":"add"|"remove","permissions":[…]}` */
export const changeServicePermissions: HwHandler = (req) => {
  const body = objectBody(req.body);
  const record = ownService(req, false);
  const action = body.action;
  if (action !== "add" && action !== "remove")
    throw hwError(HwErrors.InvalidAction, 'action must be "add" or "remove".');
  const type = body.permission_type ?? "domainId";
  if (type !== "domainId" && type !== "orgPath") {
    throw hwError(HwErrors.InvalidParameter, "permission_type must be domainId or orgPath.");
  }
  if (!Array.isArray(body.permissions) || body.permissions.length === 0) {
    throw hwError(HwErrors.InvalidParameter, "permissions must be a non-empty array.");
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
