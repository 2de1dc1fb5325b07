// An organisation's logo where its people see it. A plain <img>: the image is served with an access
// check on the viewer's own cookie (app/api/organisations/[id]/logo), which Next's image optimiser
// would not carry.
import { logoHref } from "@/lib/organisations/logo";

export type OrganisationLogoProps = {
  organisation: { id: string; name: string; logo: { sha256: string } | null };
  className?: string;
};

export function OrganisationLogo({ organisation, className = "h-12" }: OrganisationLogoProps) {
  if (!organisation.logo) return null;
  return (
    // eslint-disable-next-line @next/next/no-img-element -- see the comment above
    <img
      src={logoHref(organisation.id, organisation.logo.sha256)}
      alt={`${organisation.name}标志`}
      className={`${className} w-auto max-w-[12rem] object-contain`}
    />
  );
}
