// GET /og/site — the landing page's share card (PNG, 1200 × 630). Public, like the page.
import { renderSiteCard } from "@/lib/share/cards";

export function GET() {
  return renderSiteCard();
}
