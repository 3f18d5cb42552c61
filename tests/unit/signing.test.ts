import * as huawei from "../../provider/clouds/huaweicloud/sign.js";
import * as otc from "../../provider/clouds/opentelekomcloud/sign.js";
import * as tencent from "../../provider/clouds/tencentcloud/sign.js";
import * as volcengine from "../../provider/clouds/volcengine/sign.js";
import { sha256Hex } from "../../provider/core/crypto.js";

// Official vectors from shared/reference/signing.md.
const HW_AK = "QTWAOYTTINDUT2QVKYUC";
const HW_SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";

describe("Huawei SDK-HMAC-SHA256", () => {
  test("H1: official vector with query", () => {
    const req: huawei.HuaweiSignable = {
      method: "GET",
      path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      query: "limit=2&marker=13551d6b-755d-4757-b956-536f674975c0",
      headers: {
        "Content-Type": "application/json",
        Host: "service.region.example.com",
        "X-Sdk-Date": "20191115T033655Z",
      },
      body: "",
    };
    const cr = huawei.canonicalRequest(req, ["content-type", "host", "x-sdk-date"]);
    expect(sha256Hex(cr)).toBe("b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a");
    expect(huawei.authorization(req, HW_AK, HW_SK)).toBe(
      "SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });

  test("H2: official vector without query", () => {
    const req: huawei.HuaweiSignable = {
      method: "GET",
      path: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
      query: "",
      headers: {
        "Content-Type": "application/json",
        Host: "service.test-region-1.myhuaweicloud.com",
        "X-Sdk-Date": "20191115T033655Z",
      },
      body: "",
    };
    expect(huawei.authorization(req, HW_AK, HW_SK)).toContain(
      "Signature=4a30e690c3032a1975323588d79e858f188834f91df411a47ada7def6ad8081f",
    );
  });

  test("H3: Go SDK vectors sign x-sdk-date only, body hashed with its trailing newline", () => {
    const base = { headers: { "X-Sdk-Date": "20060102T150405Z", Host: "example.huaweicloud.com" } };
    const get = huawei.canonicalRequest(
      { ...base, method: "GET", path: "/path", query: "limit=1", body: "" },
      ["x-sdk-date"],
    );
    expect(huawei.signature("SecretKey", "20060102T150405Z", get)).toBe(
      "5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624",
    );
    const post = huawei.canonicalRequest(
      { ...base, method: "POST", path: "/path", query: "key=value", body: '{"Name":"test","Id":1}\n' },
      ["x-sdk-date"],
    );
    expect(huawei.signature("SecretKey", "20060102T150405Z", post)).toBe(
      "cecc2af119b18ab70b4d094c0750f3b42c02f254903179a0fc2cc72fc9db4f59",
    );
  });

  test("H4: VPCEP requests with X-Project-Id signed, query re-sorted", () => {
    const headers = {
      "Content-Type": "application/json",
      Host: "vpcep.cn-north-4.myhuaweicloud.com",
      "X-Project-Id": "0605767b5e00d5762fc8c0102dd4bb6b",
      "X-Sdk-Date": "20240619T071306Z",
    };
    const get: huawei.HuaweiSignable = {
      method: "GET",
      path: "/v1/0605767b5e00d5762fc8c0102dd4bb6b/vpc-endpoints",
      query: "limit=10&offset=0&endpoint_service_name=com.example.svc",
      headers,
      body: "",
    };
    expect(huawei.canonicalQuery(get.query)).toBe("endpoint_service_name=com.example.svc&limit=10&offset=0");
    expect(huawei.authorization(get, HW_AK, HW_SK)).toContain(
      "SignedHeaders=content-type;host;x-project-id;x-sdk-date, Signature=5c4b52eafdfb9b32e358ed03eab918431206130025ae8b881dd31fe63c4e3bae",
    );
    const body =
      '{"endpoint_service_id":"4189d3c2-8882-4871-a3c2-d380272eed88","vpc_id":"4189d3c2-8882-4871-a3c2-d380272eed80","subnet_id":"4189d3c2-8882-4871-a3c2-d380272eed81","enable_dns":true}';
    expect(sha256Hex(body)).toBe("ca9264008c86cc3718ff24a39713c268e06231ee9c150139db0807bde83b4c71");
    const post = { ...get, method: "POST", query: "", body };
    expect(huawei.authorization(post, HW_AK, HW_SK)).toContain(
      "Signature=ac7e89b1e38bdaadea3548d165d93f17dd53597b5f5ba90e5b206bffb4f285cb",
    );
  });

  test("a tampered body changes the signature", () => {
    const req = {
      method: "POST",
      path: "/v1/p/vpc-endpoints",
      query: "",
      headers: { "X-Sdk-Date": "20240619T071306Z" },
      body: "{}",
    };
    expect(huawei.authorization(req, HW_AK, HW_SK)).not.toBe(
      huawei.authorization({ ...req, body: '{"a":1}' }, HW_AK, HW_SK),
    );
  });

  test("parses its own Authorization header", () => {
    expect(
      huawei.parseAuthorization("SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=abc123"),
    ).toEqual({ accessKey: "AK", signedHeaders: ["host", "x-sdk-date"], signature: "abc123" });
    expect(huawei.parseAuthorization("Bearer x")).toBeUndefined();
  });
});

describe("Open Telekom Cloud scoped SDK-HMAC-SHA256", () => {
  // Vector O1 of signing.md: gophertelekomcloud's form with the empty region and service the
  // Terraform provider sends.
  const o1: huawei.HuaweiSignable = {
    method: "GET",
    path: "/v1/0605767b5e00d5762fc8c0102dd4bb6b/vpc-endpoints",
    query: "limit=10",
    headers: {
      Accept: "application/json",
      "User-Agent": "golangsdk",
      Host: "vpcep.eu-de.otc.t-systems.com",
      "X-Sdk-Date": "20240619T071306Z",
    },
    body: "",
  };

  test("O1: canonical request, scope and signature", () => {
    const cr = huawei.canonicalRequest(o1, huawei.signedHeaderNames(o1.headers));
    expect(sha256Hex(cr)).toBe("529d8c69800aaf4ec5f2e390f9876f239cda865d79523db8634a612421b0aad0");
    expect(otc.credentialScope("20240619T071306Z", "", "")).toBe("20240619///sdk_request");
    expect(otc.scopedAuthorization(o1, { accessKey: HW_AK, secretKey: HW_SK }, "", "")).toBe(
      "SDK-HMAC-SHA256 Credential=QTWAOYTTINDUT2QVKYUC/20240619///sdk_request, SignedHeaders=accept;host;user-agent;x-sdk-date, Signature=8bb38b7e80f6a333f93c6742f66ad616d7e8694207eb2a0c078f99f77b8771cd",
    );
  });

  test("the region and service enter the key chain and the scope", () => {
    const scoped = otc.scopedAuthorization(o1, { accessKey: HW_AK, secretKey: HW_SK }, "eu-de", "vpcep");
    expect(scoped).toMatch(
      /^SDK-HMAC-SHA256 Credential=QTWAOYTTINDUT2QVKYUC\/20240619\/eu-de\/vpcep\/sdk_request, /,
    );
    expect(scoped).not.toContain("8bb38b7e80f6a333f93c6742f66ad616d7e8694207eb2a0c078f99f77b8771cd");
    // The key starts from "SDK" + SK: the raw SK (Huawei's form) yields another signature.
    const rawKey = huawei.signature(
      HW_SK,
      "20240619T071306Z",
      huawei.canonicalRequest(o1, huawei.signedHeaderNames(o1.headers)),
    );
    expect(scoped).not.toContain(rawKey);
  });
});

describe("Tencent TC3-HMAC-SHA256", () => {
  const ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
  const KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

  test("T1: official vector", () => {
    const req: tencent.TencentSignable = {
      method: "POST",
      query: "",
      headers: { "Content-Type": "application/json; charset=utf-8", Host: "cvm.tencentcloudapi.com" },
      body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    };
    expect(sha256Hex(req.body)).toBe("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    expect(sha256Hex(tencent.canonicalRequest(req, ["content-type", "host"]))).toBe(
      "5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
    );
    expect(tencent.authorization(req, ID, KEY, "cvm", 1551113065)).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
  });

  test("T1b: x-tc-action signed with its value lowercased", () => {
    const req: tencent.TencentSignable = {
      method: "POST",
      query: "",
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        Host: "cvm.tencentcloudapi.com",
        "X-TC-Action": "DescribeInstances",
      },
      body: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
    };
    expect(
      tencent.authorization(req, ID, KEY, "cvm", 1551113065, ["content-type", "host", "x-tc-action"]),
    ).toContain("Signature=644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26");
  });

  test("T2: SDK-computed VPC vectors, POST and GET", () => {
    const body = '{"Limit":10,"Filters":[{"Name":"end-point-name","Values":["ep-test"]}]}';
    const post = (host: string): tencent.TencentSignable => ({
      method: "POST",
      query: "",
      headers: { "Content-Type": "application/json", Host: host },
      body,
    });
    expect(tencent.authorization(post("vpc.tencentcloudapi.com"), ID, KEY, "vpc", 1700000000)).toContain(
      "2023-11-14/vpc/tc3_request, SignedHeaders=content-type;host, Signature=d00e82952517eb012443dffa0e86a370831988d6761a6e746646385ea045e333",
    );
    expect(tencent.authorization(post("vpc.intl.tencentcloudapi.com"), ID, KEY, "vpc", 1700000000)).toContain(
      "Signature=aeb16e225fc3a31fef5689eceb6c300aebd535800c8897f927b8c8177714f4a4",
    );
    const get: tencent.TencentSignable = {
      method: "GET",
      query: "Limit=10&Filters.0.Name=end-point-name&Filters.0.Values.0=ep-test",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Host: "vpc.tencentcloudapi.com" },
      body: "",
    };
    expect(tencent.authorization(get, ID, KEY, "vpc", 1700000000)).toContain(
      "Signature=15fbcbd2e0f215332919efc02f682908333a7cb020922fe42a93af7752bb5afa",
    );
  });

  test("parses its own Authorization header", () => {
    const parsed = tencent.parseAuthorization(
      "TC3-HMAC-SHA256 Credential=AKID/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e4",
    );
    expect(parsed).toEqual({
      secretId: "AKID",
      date: "2019-02-25",
      service: "cvm",
      signedHeaders: ["content-type", "host"],
      signature: "72e4",
    });
  });
});

describe("Volcengine HMAC-SHA256", () => {
  const AK = "AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg";
  const SK = "WkRZeE1EQmxPVGhsWWpWak5HVmtNbUUxTXpZeU9UVXlOMlE1TmpZeVlqTQ==";
  const X_DATE = "20240619T071306Z";

  test("V1: official vector (IAM ListUsers), query re-sorted, key from the raw secret", () => {
    const req: volcengine.VolcengineSignable = {
      method: "GET",
      path: "/",
      query: "Action=ListUsers&Version=2018-01-01&Limit=10&Offset=0",
      headers: { Host: "iam.volcengineapi.com", "X-Date": X_DATE },
      body: "",
    };
    const cr = volcengine.canonicalRequest(req, ["host", "x-date"]);
    expect(cr).toBe(
      "GET\n/\nAction=ListUsers&Limit=10&Offset=0&Version=2018-01-01\nhost:iam.volcengineapi.com\nx-date:20240619T071306Z\n\nhost;x-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(sha256Hex(cr)).toBe("5ed5bca3905e1fcbf789abb56a17c2d819674a3bcfa468ae476bd1ea80d135cb");
    expect(volcengine.signingKey(SK, "20240619", "cn-beijing", "iam").toString("hex")).toBe(
      "abee62e533a58934c49954459a3c3237d2fccea517c9a7c8a2651d8ea7779826",
    );
    expect(volcengine.authorization(req, AK, SK, "cn-beijing", "iam")).toBe(
      "HMAC-SHA256 Credential=AKLTYWViMTVmZGYzM2E0NDI5Mzk2MDZjNjFmMjc2MjRjMzg/20240619/cn-beijing/iam/request, SignedHeaders=host;x-date, Signature=e31c4558bcfe08a286001f59cedbf0791ffd0b2362f10e55ee2627467bcdde93",
    );
  });

  test("V3: SDK-computed privatelink vectors, GET with every parameter in the query and JSON POST", () => {
    const get: volcengine.VolcengineSignable = {
      method: "GET",
      path: "/",
      query: "Action=DescribeVpcEndpoints&PageNumber=1&PageSize=10&Version=2020-04-01",
      headers: { Host: "open.volcengineapi.com", "X-Date": X_DATE },
      body: "",
    };
    expect(sha256Hex(volcengine.canonicalRequest(get, ["host", "x-date"]))).toBe(
      "27595bf01f4201b3c12b7c12099aaebb8ad1b5f018a83468bf6db91664d70cab",
    );
    expect(volcengine.authorization(get, AK, SK, "cn-beijing", "privatelink")).toContain(
      "/20240619/cn-beijing/privatelink/request, SignedHeaders=host;x-date, Signature=e35f6081b4905f97397ec500d95d3656c4bed7adb1cca114357275728b4ac972",
    );
    const body =
      '{"ServiceId":"epsvc-2d72mvzvfvz5s58ozfe3v4nm3","VpcId":"vpc-13fpdgwk7rxfk3n6nu44wisg7","EndpointName":"ep-test"}';
    expect(sha256Hex(body)).toBe("19cba9bb0c3eccd977a9cde5b91749bc8d8626847de09814ccbe6ae7816d6539");
    const post: volcengine.VolcengineSignable = {
      method: "POST",
      path: "/",
      query: "Action=CreateVpcEndpoint&Version=2020-04-01",
      headers: {
        Host: "open.volcengineapi.com",
        "X-Date": X_DATE,
        "X-Content-Sha256": sha256Hex(body),
        "Content-Type": "application/json; charset=utf-8",
      },
      body,
    };
    expect(
      volcengine.authorization(post, AK, SK, "cn-beijing", "privatelink", [
        "host",
        "x-content-sha256",
        "x-date",
      ]),
    ).toContain(
      "SignedHeaders=host;x-content-sha256;x-date, Signature=f2ce7b98e3eb90abb067c717d48354dbe51c6390f4bfa6744b86265011766e6e",
    );
  });

  test("the query is signed in canonical form whatever order and spelling were sent", () => {
    const canonical = volcengine.canonicalQuery(
      "Zones.1.ZoneId=cn-guangzhou-a&EndpointName=a%20b*(x)&Action=X",
    );
    expect(canonical).toBe("Action=X&EndpointName=a%20b%2A%28x%29&Zones.1.ZoneId=cn-guangzhou-a");
    expect(volcengine.canonicalQuery("B=2&A=1&A=0")).toBe("A=0&A=1&B=2");
  });

  test("the region is only in the scope: another region changes the signature, not the request", () => {
    const req = {
      method: "GET",
      path: "/",
      query: "Action=DescribeVpcEndpoints&Version=2020-04-01",
      headers: { Host: "open.volcengineapi.com", "X-Date": X_DATE },
      body: "",
    };
    const beijing = volcengine.authorization(req, AK, SK, "cn-beijing", "privatelink");
    const guangzhou = volcengine.authorization(req, AK, SK, "cn-guangzhou", "privatelink");
    expect(guangzhou).toContain("/20240619/cn-guangzhou/privatelink/request");
    expect(guangzhou.split("Signature=")[1]).not.toBe(beijing.split("Signature=")[1]);
  });

  test("X-Date is the compact UTC form, and the header parses back", () => {
    expect(volcengine.xDate(Date.UTC(2024, 5, 19, 7, 13, 6, 789))).toBe(X_DATE);
    expect(
      volcengine.parseAuthorization(
        "HMAC-SHA256 Credential=AK/20240619/cn-beijing/privatelink/request, SignedHeaders=host;x-date, Signature=ab12",
      ),
    ).toEqual({
      accessKey: "AK",
      date: "20240619",
      region: "cn-beijing",
      service: "privatelink",
      signedHeaders: ["host", "x-date"],
      signature: "ab12",
    });
    expect(volcengine.parseAuthorization("TC3-HMAC-SHA256 Credential=x")).toBeUndefined();
  });
});
