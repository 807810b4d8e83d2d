import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

// The layers of src/ (see src/README.md), lowest first: a layer imports only the layers below it,
// so each rule lists what a layer must not reach. Relative specifiers always name the layer folder
// they go through (../../api/…), which is what the patterns match.
const layer = (name) => ({
  regex: `^\\.\\.?/(.*/)?${name}(/|$)`,
  message: `imports go down the layers (src/README.md): not into ${name}/`,
});
const GRAPHQL = {
  group: ["graphql", "graphql/*", "type-graphql", "graphql-scalars", "@apollo/*", "dataloader"],
  message: "GraphQL belongs to src/api: the layers below it do not import it",
};
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });
const LAYER_RULES = [
  {
    files: ["src/platform/**/*.ts"],
    rules: restrict(
      layer("model"),
      layer("pipeline"),
      layer("api"),
      layer("outputs"),
      layer("cli"),
      layer("server"),
      GRAPHQL,
    ),
  },
  {
    files: ["src/model/**/*.ts"],
    rules: restrict(layer("pipeline"), layer("api"), layer("outputs"), layer("cli"), layer("server"), GRAPHQL),
  },
  {
    files: ["src/pipeline/**/*.ts"],
    rules: restrict(layer("api"), layer("outputs"), layer("cli"), layer("server"), GRAPHQL),
  },
  { files: ["src/api/**/*.ts"], rules: restrict(layer("outputs"), layer("cli"), layer("server")) },
  { files: ["src/outputs/**/*.ts"], rules: restrict(layer("api"), layer("cli"), layer("server"), GRAPHQL) },
  { files: ["src/cli/**/*.ts"], rules: restrict(layer("api"), layer("server")) },
  // The explorer shares the IRI scheme and the error codes (a module that imports nothing), and
  // nothing else of the server.
  {
    files: ["web/src/**/*.ts"],
    rules: restrict({
      regex: "(^|/)src/(?!model/|platform/errors/codes$)",
      message: "the explorer imports only src/model and src/platform/errors/codes from the server",
    }),
  },
  // The error module is shared by every layer, the CLI and the explorer: it imports nothing at all.
  {
    files: ["src/platform/errors/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: restrict({ regex: "^(?!\\./)", message: "src/platform/errors imports nothing but its own files" }),
  },
];

export default tseslint.config(
  { ignores: ["dist/**", "node_modules/**", "coverage/**", ".policygraph/**", "web/dist/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  {
    // Tests read GraphQL responses whose shape the assertions themselves check.
    files: ["test/**/*.ts", "**/*.test.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "@typescript-eslint/no-non-null-assertion": "off" },
  },
  {
    // The explorer runs in browsers.
    files: ["web/**/*.ts", "web/**/*.mts"],
    languageOptions: { globals: globals.browser },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: globals.node },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  ...LAYER_RULES,
);
