// Where each public page's share card is drawn (app/og/…): pages put it in og:image and
// twitter:image through pageMetadata (lib/seo/page-metadata.ts); Next makes it absolute.
export const cardPaths = {
  site: "/og/site",
  lesson: (moduleSlug: string, lessonSlug: string) =>
    `/og/lessons/${encodeURIComponent(moduleSlug)}/${encodeURIComponent(lessonSlug)}`,
  case: (slug: string) => `/og/cases/${encodeURIComponent(slug)}`,
  certificate: (id: string) => `/og/certificates/${encodeURIComponent(id)}`,
};
