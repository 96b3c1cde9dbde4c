export * from "./communes";
export * from "./users";
export * from "./households";
export * from "./invoices";
export * from "./platform";
