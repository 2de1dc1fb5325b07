// ESLint flat config: Next's rules (React, hooks, a11y, Core Web Vitals) and typescript-eslint's,
// run by `npm run lint` and `npm test`. Formatting is Prettier's job, not ESLint's.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores([
    ".next/**",
    ".data/**",
    "node_modules/**",
    "lib/generated/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    // Playwright fixtures call their continuation `use`; it is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Links prefetch on intent, not on sight (components/link.tsx, decision 0033).
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "next/link", message: 'Use Link from "@/components/link" (prefetch on intent).' }] },
      ],
    },
  },
  {
    files: ["components/link.tsx"],
    rules: { "no-restricted-imports": "off" },
  },
]);
