// "server-only" throws when imported outside a React Server Component bundle; tests import
// server modules directly, so they get this empty module instead.
export {};
