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
  async headers() {
    // The baseline set; the full Content-Security-Policy arrives with accounts (issue 4).
    const headers = [
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
      { key: "X-Frame-Options", value: "DENY" },
    ];
    return [{ source: "/:path*", headers }];
  },
};

export default nextConfig;
