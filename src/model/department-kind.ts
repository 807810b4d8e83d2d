/** What kind of body a department is; the string values are what the graph stores. */
export enum DepartmentKind {
  /** A city: Beijing, the host of the 市委's meetings, or another city whose meetings are read (宁波市). */
  CITY = "city",
  /** A county or county-level city outside Beijing (武川县). */
  COUNTY = "county",
  /** A municipal commission, bureau or office, or a department of the municipal party committee (市发展改革委). */
  MUNICIPAL_DEPARTMENT = "municipal-department",
  /** One of Beijing's districts, or the Economic-Technological Development Area (石景山区, 经开区). */
  DISTRICT = "district",
  /** A district's or county's bureau, commission, office or party department (通州区科委, 区委教育工委). */
  DISTRICT_DEPARTMENT = "district-department",
  /** A town or township below a district or county (汤河口镇, 长哨营满族乡). */
  TOWN = "town",
  /** A street (subdistrict) below a district (大台街道). */
  STREET = "street",
  /** A state-owned enterprise (首钢集团). */
  ENTERPRISE = "enterprise",
  /** Any other body (the 12345 citizen hotline). */
  OTHER = "other",
}

const KIND_VALUES: ReadonlySet<string> = new Set(Object.values(DepartmentKind));

/** Whether a stored string is one of the department kinds. */
export function isDepartmentKind(value: unknown): value is DepartmentKind {
  return typeof value === "string" && KIND_VALUES.has(value);
}
