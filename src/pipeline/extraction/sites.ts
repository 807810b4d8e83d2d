/**
 * Sites that publish readouts, by host name, and the locality each belongs to: a readout on
 * www.bjhr.gov.cn is Huairou's unless its text says otherwise. Government portals of Beijing and
 * its districts, and of cities whose readouts the genre includes; a site not listed tells nothing.
 */
const SITES: ReadonlyArray<readonly [domain: string, locality: string]> = [
  ["kfqgw.beijing.gov.cn", "北京经济技术开发区"],
  ["beijing.gov.cn", "北京市"],
  ["bjd.com.cn", "北京市"],
  ["bjdch.gov.cn", "东城区"],
  ["bjxch.gov.cn", "西城区"],
  ["bjchy.gov.cn", "朝阳区"],
  ["bjhd.gov.cn", "海淀区"],
  ["bjft.gov.cn", "丰台区"],
  ["bjsjs.gov.cn", "石景山区"],
  ["bjmtg.gov.cn", "门头沟区"],
  ["bjfsh.gov.cn", "房山区"],
  ["bjtzh.gov.cn", "通州区"],
  ["bjshy.gov.cn", "顺义区"],
  ["bjchp.gov.cn", "昌平区"],
  ["bjdx.gov.cn", "大兴区"],
  ["bjhr.gov.cn", "怀柔区"],
  ["bjpg.gov.cn", "平谷区"],
  ["bjmy.gov.cn", "密云区"],
  ["bjyq.gov.cn", "延庆区"],
  ["shanghai.gov.cn", "上海市"],
  ["tj.gov.cn", "天津市"],
  ["cq.gov.cn", "重庆市"],
  ["gz.gov.cn", "广州市"],
  ["sz.gov.cn", "深圳市"],
  ["hangzhou.gov.cn", "杭州市"],
  ["nanjing.gov.cn", "南京市"],
  ["wuhan.gov.cn", "武汉市"],
  ["chengdu.gov.cn", "成都市"],
  ["xa.gov.cn", "西安市"],
  ["ningbo.gov.cn", "宁波市"],
  ["cnnb.com.cn", "宁波市"],
  ["qingdao.gov.cn", "青岛市"],
  ["xm.gov.cn", "厦门市"],
  ["suzhou.gov.cn", "苏州市"],
  ["changsha.gov.cn", "长沙市"],
  ["yueyang.gov.cn", "岳阳市"],
  ["zhengzhou.gov.cn", "郑州市"],
  ["jinan.gov.cn", "济南市"],
  ["hefei.gov.cn", "合肥市"],
  ["fuzhou.gov.cn", "福州市"],
  ["km.gov.cn", "昆明市"],
  ["shenyang.gov.cn", "沈阳市"],
  ["dl.gov.cn", "大连市"],
  ["harbin.gov.cn", "哈尔滨市"],
  ["gdwc.gov.cn", "吴川市"],
];

/** "北京市怀柔区人民政府" → 怀柔区: a site's own name (an HTML page's SiteName) as a locality. */
const SITE_NAME =
  /^(?:北京市)?((?:[\u4e00-\u9fff]{2,6}?[市州盟])?[\u4e00-\u9fff]{2,6}?[市区县旗])(?:人民政府|政府)(?:门户网站|网站|网)?$/;

function hostname(url: string): string | null {
  try {
    return new URL(url.trim()).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** The locality a readout's site belongs to, by its URL or the site's own name; null when unknown. */
export function siteLocality(url: string, siteName?: string): string | null {
  const host = url ? hostname(url) : null;
  if (host) {
    for (const [domain, locality] of SITES) if (host === domain || host.endsWith(`.${domain}`)) return locality;
  }
  const named = siteName ? SITE_NAME.exec(siteName.trim()) : null;
  return named ? named[1] : null;
}
