import { huaweiProfile } from "../../provider/clouds/huaweicloud/index.js";
import { createClient } from "../../provider/clouds/vpcep-v1/client.js";
import { createClient as tencentClient } from "../../provider/clouds/tencentcloud/client.js";
import { bucketCount } from "../../provider/core/rate-limit.js";
import { setConfigSource, tuning } from "../../provider/core/settings.js";

const huaweiClient = (region: string) => createClient(huaweiProfile, region);

describe("one client-side rate limiter per cloud, region and account", () => {
  const config: Record<string, string> = {
    "vpcep:huaweicloudAccessKey": "AK1",
    "vpcep:huaweicloudSecretKey": "SK1",
    "vpcep:huaweicloudProjectId": "0605767b5e00d5762fc8c0102dd4bb6b",
    "vpcep:tencentcloudSecretId": "ID1",
    "vpcep:tencentcloudSecretKey": "KEY1",
  };
  beforeAll(() => setConfigSource((key) => config[key]));
  afterAll(() => setConfigSource(() => undefined));

  test("resources of the same account and region share one; another region or account gets its own", () => {
    const start = bucketCount();
    huaweiClient("cn-north-4");
    huaweiClient("cn-north-4");
    tencentClient("ap-guangzhou");
    tencentClient("ap-guangzhou");
    expect(bucketCount()).toBe(start + 2);
    huaweiClient("eu-west-0");
    expect(bucketCount()).toBe(start + 3);
    config["vpcep:tencentcloudSecretId"] = "ID2";
    tencentClient("ap-guangzhou");
    expect(bucketCount()).toBe(start + 4);
  });

  test("a missing credential is reported at call time with where to set it", () => {
    config["vpcep:huaweicloudProjectId"] = "";
    expect(() => huaweiClient("cn-north-4")).toThrow(
      'missing Huawei Cloud project id: set the stack config "vpcep:huaweicloudProjectId" or the environment variable HW_PROJECT_ID or HUAWEICLOUD_SDK_PROJECT_ID',
    );
  });

  test("malformed tuning settings name the key and the rule", () => {
    config["vpcep:huaweicloudProjectId"] = "0605767b5e00d5762fc8c0102dd4bb6b";
    config["vpcep:pollInterval"] = "soon";
    expect(() => tuning()).toThrow(
      '"vpcep:pollInterval" / VPCEP_POLL_INTERVAL must be a duration such as "2s" or "500ms" (got "soon")',
    );
    config["vpcep:pollInterval"] = "250ms";
    config["vpcep:maxRequestsPerSecond"] = "lots";
    expect(() => tuning()).toThrow(
      '"vpcep:maxRequestsPerSecond" / VPCEP_MAX_REQUESTS_PER_SECOND must be a number of at least 0.1 (got "lots")',
    );
    delete config["vpcep:maxRequestsPerSecond"];
    expect(tuning()).toMatchObject({ pollMinMs: 250, maxRequestsPerSecond: 10, maxRetries: 5 });
  });
});
