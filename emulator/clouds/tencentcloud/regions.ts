/**
 * Where the Private Link actions are served. CreateVpcEndPoint's reference lists exactly these
 * 18 regions ("This API only supports: …"); the emulator applies the list to every Private Link
 * action and answers the common `UnsupportedRegion` elsewhere.
 * @link https://www.tencentcloud.com/document/api/215/40159
 */
export const PRIVATE_LINK_REGIONS: ReadonlySet<string> = new Set([
  "ap-bangkok",
  "ap-beijing",
  "ap-chengdu",
  "ap-chongqing",
  "ap-guangzhou",
  "ap-hongkong",
  "ap-jakarta",
  "ap-nanjing",
  "ap-seoul",
  "ap-shanghai",
  "ap-shanghai-fsi",
  "ap-shenzhen-fsi",
  "ap-singapore",
  "ap-tokyo",
  "eu-frankfurt",
  "na-ashburn",
  "na-siliconvalley",
  "sa-saopaulo",
]);

/** The shape of a region name (`ap-guangzhou`, `ap-shanghai-fsi`). */
export const REGION_SHAPE = /^[a-z]{2,}(-[a-z0-9]+)+$/;
