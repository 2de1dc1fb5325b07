// npm run build — the same build `npm start` makes: the Prisma client when missing, `next build`,
// and the CSP hashes of the prerendered pages (without them those pages' inline scripts are refused).
import { buildSite, ensurePrismaClient } from "./lib/build-cache";

if (process.env.NODE_ENV && process.env.NODE_ENV !== "production") {
  console.error(`NODE_ENV=${process.env.NODE_ENV}: a build is for production; unset it.`);
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
ensurePrismaClient();
const pages = await buildSite();
console.log(`构建完成 (build done): ${pages} prerendered pages with CSP hashes in .next/csp-static-hashes.json`);
