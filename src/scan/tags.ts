import type { Options } from '../config/options'

/**
 * The description inline in the page and the loader's tag that reads it. Inside <script>,
 * `</script>` or `<!--` in a page-found name would end or change the element: every `<` is
 * written as JSON's own escape. Anything but printable ASCII is escaped too, as the terminal shows
 * what a page chose only so (shown.ts); the JSON means the same.
 */
export const configTags = ({ $schema, ...description }: Options, src: string): string => {
  // The page has no use for the editor's schema: only the file names it.
  const json = JSON.stringify(description, null, 2).replace(
    /[^\x20-\x3b\x3d-\x7e\n]/g,
    (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'),
  )
  return `<script type="application/json" id="consent-gate-config">\n${json}\n</script>\n<script src="${src}" data-config="consent-gate-config"></script>`
}
