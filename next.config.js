// Importing lib/env.js here checks every environment variable before Next.js builds or starts;
// a bad one stops it with a message naming the variable.
import "./lib/env.js";

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  // forbidden() in pages and actions answers 403 with app/forbidden.tsx.
  experimental: { authInterrupts: true },
  // Metadata (the <title> above all) is resolved before the page is sent, for every browser, not
  // streamed in after it (Next's default for everyone but a list of bots). Streamed, a page reached
  // through a server action's redirect (开始测验 → the attempt) was sometimes left with no <title>
  // at all: a screen reader announced nothing and the tab showed the address (decision 0034). The
  // only generateMetadata that reads the database reads what its page reads anyway (cached).
  htmlLimitedBots: /.*/,
  // Loaded from node_modules at run time rather than bundled: exceljs (exports) and nodemailer
  // (enquiry notifications) are large CommonJS packages that only route handlers use; pdfkit
  // (certificate PDFs) reads its own font metrics from its package folder at run time.
  serverExternalPackages: ["exceljs", "nodemailer", "pdfkit"],
  // The Chinese font of server-drawn images and PDFs (lib/share/fonts.ts, lib/certificates/fonts.ts
  // read it by path, which tracing cannot see): copied with the routes that draw, so a standalone
  // or traced deployment has it.
  outputFileTracingIncludes: {
    "/og/**/*": ["./node_modules/@expo-google-fonts/noto-sans-sc/{400Regular,700Bold}/*.ttf"],
    "/trainer/cohorts/*/posters/*": ["./node_modules/@expo-google-fonts/noto-sans-sc/{400Regular,700Bold}/*.ttf"],
    "/api/certificates/**": ["./node_modules/@expo-google-fonts/noto-sans-sc/{400Regular,700Bold}/*.ttf"],
  },
  async headers() {
    // Every response. The Content-Security-Policy is set per request in proxy.ts.
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
    ];
    // Browsers honour HSTS only over https, where production runs (behind nginx with TLS).
    if (process.env.NODE_ENV === "production") {
      headers.push({ key: "Strict-Transport-Security", value: "max-age=31536000; includeSubDomains" });
    }
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
