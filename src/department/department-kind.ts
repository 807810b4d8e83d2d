/** What kind of body a department is; the string values are what the graph stores. */
export enum DepartmentKind {
  /** A municipal commission, bureau or office, or a department of the municipal party committee (市发展改革委). */
  MUNICIPAL_DEPARTMENT = "municipal-department",
  /** One of Beijing's districts, or the Economic-Technological Development Area (石景山区, 经开区). */
  DISTRICT = "district",
  /** A district government's bureau, commission or office (区生态环境局). */
  DISTRICT_DEPARTMENT = "district-department",
  /** A street, town or township: the 街乡镇 level below a district (大台街道, 汤河口镇, 长哨营满族乡). */
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
