export * from "./communes";
export * from "./users";
export * from "./households";
export * from "./invoices";
export * from "./platform";
export * from "./family-file";
export * from "./requests";
export * from "./new-family";
