// The one error module (no dependencies): codes with their HTTP and exit statuses and messages,
// the typed error, and the normaliser every boundary answers with.
export * from "./codes";
export * from "./app-error";
export * from "./normalise";
