/**
 * The documented default credentials and the registry that maps keys to tenants
 * (Huawei project + domain, Tencent account UIN + AppId). The keys are public on purpose: they only
 * ever open the local emulator.
 */

/** A Huawei Cloud AK/SK pair bound to one project of one account (domain). */
export interface HuaweiCredential {
  accessKey: string;
  secretKey: string;
  /** 32 lowercase hex; the `{project_id}` of every path this key may call. */
  projectId: string;
  /** 32 lowercase hex; what endpoint-service permissions name (`iam:domain::<domainId>`). */
  domainId: string;
}

/** A Tencent Cloud API key pair bound to one account. */
export interface TencentCredential {
  secretId: string;
  secretKey: string;
  /** Account UIN, what service white lists name (`UserUin`). */
  uin: string;
  /** AppId, shown as `EndPointOwner` / `ServiceOwner`. */
  appId: string;
}

/** The default credentials: a primary account per cloud and a second one for cross-account tests. */
export const EMULATOR_CREDENTIALS = {
  huaweicloud: {
    primary: {
      accessKey: "VPCEPEMULATORHWAK0001",
      secretKey: "vpcep-emulator-huaweicloud-secret-key",
      projectId: "0605767b5e00d5762fc8c0102dd4bb6b",
      domainId: "8a1b2c3d4e5f40718293a4b5c6d7e8f9",
    },
    secondary: {
      accessKey: "VPCEPEMULATORHWAK0002",
      secretKey: "vpcep-emulator-huaweicloud-secret-key-2",
      projectId: "1f2e3d4c5b6a47988776655443322110",
      domainId: "9f8e7d6c5b4a43210fedcba987654321",
    },
  },
  tencentcloud: {
    primary: {
      secretId: "AKIDvpcepEmulator00000000000000000001",
      secretKey: "vpcepEmulatorTencentSecretKey0001",
      uin: "100000000001",
      appId: "1302384414",
    },
    secondary: {
      secretId: "AKIDvpcepEmulator00000000000000000002",
      secretKey: "vpcepEmulatorTencentSecretKey0002",
      uin: "100000000002",
      appId: "1302384415",
    },
  },
} as const satisfies {
  huaweicloud: Record<"primary" | "secondary", HuaweiCredential>;
  tencentcloud: Record<"primary" | "secondary", TencentCredential>;
};

const HEX32 = /^[0-9a-f]{32}$/;

/** Known keys; starts with the defaults, grows through `POST /_emulator/credentials`. */
export class CredentialRegistry {
  private readonly huawei = new Map<string, HuaweiCredential>();
  private readonly tencent = new Map<string, TencentCredential>();

  constructor() {
    this.reset();
  }

  /** Back to the documented defaults only. */
  reset(): void {
    this.huawei.clear();
    this.tencent.clear();
    for (const credential of Object.values(EMULATOR_CREDENTIALS.huaweicloud))
      this.huawei.set(credential.accessKey, credential);
    for (const credential of Object.values(EMULATOR_CREDENTIALS.tencentcloud))
      this.tencent.set(credential.secretId, credential);
  }

  /** Adds (or replaces) a Huawei key after checking the id formats; throws RangeError otherwise. */
  addHuawei(credential: HuaweiCredential): void {
    if (!credential.accessKey || !credential.secretKey)
      throw new RangeError("accessKey and secretKey are required");
    if (!HEX32.test(credential.projectId))
      throw new RangeError("projectId must be 32 lowercase hex characters");
    if (!HEX32.test(credential.domainId))
      throw new RangeError("domainId must be 32 lowercase hex characters");
    this.huawei.set(credential.accessKey, { ...credential });
  }

  /** Adds (or replaces) a Tencent key; throws RangeError on malformed ids. */
  addTencent(credential: TencentCredential): void {
    if (!credential.secretId || !credential.secretKey)
      throw new RangeError("secretId and secretKey are required");
    if (!/^\d{5,20}$/.test(credential.uin)) throw new RangeError("uin must be digits");
    if (!/^\d{5,20}$/.test(credential.appId)) throw new RangeError("appId must be digits");
    this.tencent.set(credential.secretId, { ...credential });
  }

  huaweiByAccessKey(accessKey: string): HuaweiCredential | undefined {
    return this.huawei.get(accessKey);
  }

  huaweiByProject(projectId: string): HuaweiCredential | undefined {
    return [...this.huawei.values()].find((credential) => credential.projectId === projectId);
  }

  tencentBySecretId(secretId: string): TencentCredential | undefined {
    return this.tencent.get(secretId);
  }

  tencentByUin(uin: string): TencentCredential | undefined {
    return [...this.tencent.values()].find((credential) => credential.uin === uin);
  }

  /** The first Tencent account, used as the tenant when auth is off and the key is unknown. */
  defaultTencent(): TencentCredential {
    return EMULATOR_CREDENTIALS.tencentcloud.primary;
  }

  /** Credentials added at runtime (secrets included: only snapshots, which stay local, use this). */
  added(): { huaweicloud: HuaweiCredential[]; tencentcloud: TencentCredential[] } {
    const defaultsHw = new Set<string>(
      Object.values(EMULATOR_CREDENTIALS.huaweicloud).map((c) => c.accessKey),
    );
    const defaultsTc = new Set<string>(
      Object.values(EMULATOR_CREDENTIALS.tencentcloud).map((c) => c.secretId),
    );
    return {
      huaweicloud: [...this.huawei.values()].filter((c) => !defaultsHw.has(c.accessKey)),
      tencentcloud: [...this.tencent.values()].filter((c) => !defaultsTc.has(c.secretId)),
    };
  }

  /** Every key without its secret, for the control API. */
  view(): {
    huaweicloud: Omit<HuaweiCredential, "secretKey">[];
    tencentcloud: Omit<TencentCredential, "secretKey">[];
  } {
    return {
      huaweicloud: [...this.huawei.values()].map(({ accessKey, projectId, domainId }) => ({
        accessKey,
        projectId,
        domainId,
      })),
      tencentcloud: [...this.tencent.values()].map(({ secretId, uin, appId }) => ({ secretId, uin, appId })),
    };
  }
}
